export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      ad_accounts: {
        Row: {
          created_at: string
          currency: string
          external_account_id: string
          id: string
          integration_connection_id: string | null
          metadata: NonNullable<Json>
          name: string | null
          platform: Database["public"]["Enums"]["ad_platform"]
          status: Database["public"]["Enums"]["ad_status"]
          timezone: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          currency?: string
          external_account_id: string
          id?: string
          integration_connection_id?: string | null
          metadata?: NonNullable<Json>
          name?: string | null
          platform: Database["public"]["Enums"]["ad_platform"]
          status?: Database["public"]["Enums"]["ad_status"]
          timezone?: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          currency?: string
          external_account_id?: string
          id?: string
          integration_connection_id?: string | null
          metadata?: NonNullable<Json>
          name?: string | null
          platform?: Database["public"]["Enums"]["ad_platform"]
          status?: Database["public"]["Enums"]["ad_status"]
          timezone?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ad_accounts_integration_connection_id_fkey"
            columns: ["integration_connection_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "ad_accounts_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ad_campaigns: {
        Row: {
          ad_account_id: string | null
          bid_strategy: string | null
          campaign_id: string | null
          created_at: string
          daily_budget_cents: number | null
          end_date: string | null
          external_id: string
          id: string
          last_synced_at: string | null
          metadata: NonNullable<Json>
          name: string
          objective: string | null
          platform: Database["public"]["Enums"]["ad_platform"]
          start_date: string | null
          status: Database["public"]["Enums"]["ad_status"]
          target_roas: number | null
          total_budget_cents: number | null
          updated_at: string
          utm_campaign: string | null
          utm_medium: string | null
          utm_source: string | null
          workspace_id: string
        }
        Insert: {
          ad_account_id?: string | null
          bid_strategy?: string | null
          campaign_id?: string | null
          created_at?: string
          daily_budget_cents?: number | null
          end_date?: string | null
          external_id: string
          id?: string
          last_synced_at?: string | null
          metadata?: NonNullable<Json>
          name: string
          objective?: string | null
          platform: Database["public"]["Enums"]["ad_platform"]
          start_date?: string | null
          status?: Database["public"]["Enums"]["ad_status"]
          target_roas?: number | null
          total_budget_cents?: number | null
          updated_at?: string
          utm_campaign?: string | null
          utm_medium?: string | null
          utm_source?: string | null
          workspace_id: string
        }
        Update: {
          ad_account_id?: string | null
          bid_strategy?: string | null
          campaign_id?: string | null
          created_at?: string
          daily_budget_cents?: number | null
          end_date?: string | null
          external_id?: string
          id?: string
          last_synced_at?: string | null
          metadata?: NonNullable<Json>
          name?: string
          objective?: string | null
          platform?: Database["public"]["Enums"]["ad_platform"]
          start_date?: string | null
          status?: Database["public"]["Enums"]["ad_status"]
          target_roas?: number | null
          total_budget_cents?: number | null
          updated_at?: string
          utm_campaign?: string | null
          utm_medium?: string | null
          utm_source?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ad_campaigns_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "ad_campaigns_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_campaigns_workspace_id_ad_account_id_fkey"
            columns: ["workspace_id", "ad_account_id"]
            isOneToOne: false
            referencedRelation: "ad_accounts"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_campaigns_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ad_groups: {
        Row: {
          campaign_id: string
          cpc_bid_micros: number | null
          created_at: string
          daily_budget_cents: number | null
          external_id: string
          id: string
          last_synced_at: string | null
          name: string
          platform: Database["public"]["Enums"]["ad_platform"]
          status: Database["public"]["Enums"]["ad_status"]
          targeting: NonNullable<Json>
          updated_at: string
          workspace_id: string
        }
        Insert: {
          campaign_id: string
          cpc_bid_micros?: number | null
          created_at?: string
          daily_budget_cents?: number | null
          external_id: string
          id?: string
          last_synced_at?: string | null
          name: string
          platform: Database["public"]["Enums"]["ad_platform"]
          status?: Database["public"]["Enums"]["ad_status"]
          targeting?: NonNullable<Json>
          updated_at?: string
          workspace_id: string
        }
        Update: {
          campaign_id?: string
          cpc_bid_micros?: number | null
          created_at?: string
          daily_budget_cents?: number | null
          external_id?: string
          id?: string
          last_synced_at?: string | null
          name?: string
          platform?: Database["public"]["Enums"]["ad_platform"]
          status?: Database["public"]["Enums"]["ad_status"]
          targeting?: NonNullable<Json>
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ad_groups_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "ad_campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_groups_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ad_metrics_daily: {
        Row: {
          ad_account_id: string | null
          ad_group_id: string | null
          ad_id: string | null
          campaign_id: string | null
          clicks: number
          conversions: number
          cpa_cents: number | null
          cpc_cents: number | null
          cpm_cents: number | null
          created_at: string
          ctr: number | null
          currency: string
          cvr: number | null
          day: string
          id: number
          impressions: number
          level: Database["public"]["Enums"]["ad_level"]
          object_id: string
          platform: Database["public"]["Enums"]["ad_platform"]
          revenue_cents: number
          roas: number | null
          spend_cents: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          ad_account_id?: string | null
          ad_group_id?: string | null
          ad_id?: string | null
          campaign_id?: string | null
          clicks?: number
          conversions?: number
          cpa_cents?: number | null
          cpc_cents?: number | null
          cpm_cents?: number | null
          created_at?: string
          ctr?: number | null
          currency?: string
          cvr?: number | null
          day: string
          id?: never
          impressions?: number
          level: Database["public"]["Enums"]["ad_level"]
          object_id: string
          platform: Database["public"]["Enums"]["ad_platform"]
          revenue_cents?: number
          roas?: number | null
          spend_cents?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          ad_account_id?: string | null
          ad_group_id?: string | null
          ad_id?: string | null
          campaign_id?: string | null
          clicks?: number
          conversions?: number
          cpa_cents?: number | null
          cpc_cents?: number | null
          cpm_cents?: number | null
          created_at?: string
          ctr?: number | null
          currency?: string
          cvr?: number | null
          day?: string
          id?: never
          impressions?: number
          level?: Database["public"]["Enums"]["ad_level"]
          object_id?: string
          platform?: Database["public"]["Enums"]["ad_platform"]
          revenue_cents?: number
          roas?: number | null
          spend_cents?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ad_metrics_daily_workspace_id_ad_account_id_fkey"
            columns: ["workspace_id", "ad_account_id"]
            isOneToOne: false
            referencedRelation: "ad_accounts"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_metrics_daily_workspace_id_ad_group_id_fkey"
            columns: ["workspace_id", "ad_group_id"]
            isOneToOne: false
            referencedRelation: "ad_groups"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_metrics_daily_workspace_id_ad_id_fkey"
            columns: ["workspace_id", "ad_id"]
            isOneToOne: false
            referencedRelation: "ads"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_metrics_daily_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "ad_campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_metrics_daily_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ad_metrics_rollup_daily: {
        Row: {
          campaigns: number
          clicks: number
          conversions: number
          day: string
          impressions: number
          platform: Database["public"]["Enums"]["ad_platform"]
          refreshed_at: string
          revenue_cents: number
          spend_cents: number
          workspace_id: string
        }
        Insert: {
          campaigns: number
          clicks: number
          conversions: number
          day: string
          impressions: number
          platform: Database["public"]["Enums"]["ad_platform"]
          refreshed_at?: string
          revenue_cents: number
          spend_cents: number
          workspace_id: string
        }
        Update: {
          campaigns?: number
          clicks?: number
          conversions?: number
          day?: string
          impressions?: number
          platform?: Database["public"]["Enums"]["ad_platform"]
          refreshed_at?: string
          revenue_cents?: number
          spend_cents?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ad_metrics_rollup_daily_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ad_sync_runs: {
        Row: {
          ad_account_id: string | null
          api_calls: number
          attempts: number
          connection_id: string
          created_at: string
          error: string | null
          finished_at: string | null
          id: number
          job_id: number
          kind: Database["public"]["Enums"]["ad_sync_kind"]
          next_attempt_at: string | null
          pages: number
          platform: Database["public"]["Enums"]["ad_platform"]
          rejections: NonNullable<Json>
          rows_applied: number
          rows_rejected: number
          rows_unchanged: number
          started_at: string | null
          status: Database["public"]["Enums"]["ad_sync_status"]
          updated_at: string
          window_from: string
          window_to: string
          workspace_id: string
        }
        Insert: {
          ad_account_id?: string | null
          api_calls?: number
          attempts?: number
          connection_id: string
          created_at?: string
          error?: string | null
          finished_at?: string | null
          id?: never
          job_id: number
          kind: Database["public"]["Enums"]["ad_sync_kind"]
          next_attempt_at?: string | null
          pages?: number
          platform: Database["public"]["Enums"]["ad_platform"]
          rejections?: NonNullable<Json>
          rows_applied?: number
          rows_rejected?: number
          rows_unchanged?: number
          started_at?: string | null
          status?: Database["public"]["Enums"]["ad_sync_status"]
          updated_at?: string
          window_from: string
          window_to: string
          workspace_id: string
        }
        Update: {
          ad_account_id?: string | null
          api_calls?: number
          attempts?: number
          connection_id?: string
          created_at?: string
          error?: string | null
          finished_at?: string | null
          id?: never
          job_id?: number
          kind?: Database["public"]["Enums"]["ad_sync_kind"]
          next_attempt_at?: string | null
          pages?: number
          platform?: Database["public"]["Enums"]["ad_platform"]
          rejections?: NonNullable<Json>
          rows_applied?: number
          rows_rejected?: number
          rows_unchanged?: number
          started_at?: string | null
          status?: Database["public"]["Enums"]["ad_sync_status"]
          updated_at?: string
          window_from?: string
          window_to?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ad_sync_runs_workspace_id_ad_account_id_fkey"
            columns: ["workspace_id", "ad_account_id"]
            isOneToOne: false
            referencedRelation: "ad_accounts"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_sync_runs_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_sync_runs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ad_sync_schedules: {
        Row: {
          ad_account_id: string
          backfill_chunk_days: number
          backfill_days: number
          backfill_queued_at: string | null
          connection_id: string
          created_at: string
          enabled: boolean
          last_recent_queued_at: string | null
          last_restatement_queued_at: string | null
          platform: Database["public"]["Enums"]["ad_platform"]
          recent_days: number
          restatement_days: number
          structure_synced_at: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          ad_account_id: string
          backfill_chunk_days?: number
          backfill_days?: number
          backfill_queued_at?: string | null
          connection_id: string
          created_at?: string
          enabled?: boolean
          last_recent_queued_at?: string | null
          last_restatement_queued_at?: string | null
          platform: Database["public"]["Enums"]["ad_platform"]
          recent_days?: number
          restatement_days: number
          structure_synced_at?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          ad_account_id?: string
          backfill_chunk_days?: number
          backfill_days?: number
          backfill_queued_at?: string | null
          connection_id?: string
          created_at?: string
          enabled?: boolean
          last_recent_queued_at?: string | null
          last_restatement_queued_at?: string | null
          platform?: Database["public"]["Enums"]["ad_platform"]
          recent_days?: number
          restatement_days?: number
          structure_synced_at?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ad_sync_schedules_workspace_id_ad_account_id_fkey"
            columns: ["workspace_id", "ad_account_id"]
            isOneToOne: false
            referencedRelation: "ad_accounts"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_sync_schedules_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ad_sync_schedules_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ads: {
        Row: {
          ad_group_id: string
          created_at: string
          creative: NonNullable<Json>
          creative_id: string | null
          external_id: string
          id: string
          last_synced_at: string | null
          name: string
          platform: Database["public"]["Enums"]["ad_platform"]
          status: Database["public"]["Enums"]["ad_status"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          ad_group_id: string
          created_at?: string
          creative?: NonNullable<Json>
          creative_id?: string | null
          external_id: string
          id?: string
          last_synced_at?: string | null
          name: string
          platform: Database["public"]["Enums"]["ad_platform"]
          status?: Database["public"]["Enums"]["ad_status"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          ad_group_id?: string
          created_at?: string
          creative?: NonNullable<Json>
          creative_id?: string | null
          external_id?: string
          id?: string
          last_synced_at?: string | null
          name?: string
          platform?: Database["public"]["Enums"]["ad_platform"]
          status?: Database["public"]["Enums"]["ad_status"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ads_workspace_id_ad_group_id_fkey"
            columns: ["workspace_id", "ad_group_id"]
            isOneToOne: false
            referencedRelation: "ad_groups"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ads_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ads_settings: {
        Row: {
          created_at: string
          metrics_retention_days: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          metrics_retention_days?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          metrics_retention_days?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ads_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      agent_approvals: {
        Row: {
          action: Database["public"]["Enums"]["approval_action"]
          agent_id: string | null
          confidence: number | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_log_id: string | null
          decision_note: string | null
          dedupe_key: string | null
          executed_at: string | null
          execution_error: string | null
          execution_result: Json | null
          expected_impact: NonNullable<Json>
          expires_at: string
          id: string
          payload: NonNullable<Json>
          priority: Database["public"]["Enums"]["approval_priority"]
          proposed_by: string | null
          proposer: Database["public"]["Enums"]["actor_kind"]
          proposer_name: string | null
          rationale: string | null
          replaced: Json | null
          run_id: string | null
          slack_channel_id: string | null
          slack_message_ts: string | null
          status: Database["public"]["Enums"]["approval_status"]
          subject_id: string | null
          subject_table: string | null
          title: string
          undo_of_id: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          action: Database["public"]["Enums"]["approval_action"]
          agent_id?: string | null
          confidence?: number | null
          created_at?: string
          decided_at?: string | null
          decided_by?: string | null
          decision_log_id?: string | null
          decision_note?: string | null
          dedupe_key?: string | null
          executed_at?: string | null
          execution_error?: string | null
          execution_result?: Json | null
          expected_impact?: NonNullable<Json>
          expires_at?: string
          id?: string
          payload?: NonNullable<Json>
          priority?: Database["public"]["Enums"]["approval_priority"]
          proposed_by?: string | null
          proposer?: Database["public"]["Enums"]["actor_kind"]
          proposer_name?: string | null
          rationale?: string | null
          replaced?: Json | null
          run_id?: string | null
          slack_channel_id?: string | null
          slack_message_ts?: string | null
          status?: Database["public"]["Enums"]["approval_status"]
          subject_id?: string | null
          subject_table?: string | null
          title: string
          undo_of_id?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          action?: Database["public"]["Enums"]["approval_action"]
          agent_id?: string | null
          confidence?: number | null
          created_at?: string
          decided_at?: string | null
          decided_by?: string | null
          decision_log_id?: string | null
          decision_note?: string | null
          dedupe_key?: string | null
          executed_at?: string | null
          execution_error?: string | null
          execution_result?: Json | null
          expected_impact?: NonNullable<Json>
          expires_at?: string
          id?: string
          payload?: NonNullable<Json>
          priority?: Database["public"]["Enums"]["approval_priority"]
          proposed_by?: string | null
          proposer?: Database["public"]["Enums"]["actor_kind"]
          proposer_name?: string | null
          rationale?: string | null
          replaced?: Json | null
          run_id?: string | null
          slack_channel_id?: string | null
          slack_message_ts?: string | null
          status?: Database["public"]["Enums"]["approval_status"]
          subject_id?: string | null
          subject_table?: string | null
          title?: string
          undo_of_id?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "agent_approvals_decision_log_id_fkey"
            columns: ["decision_log_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "decision_log"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "agent_approvals_undo_of_fkey"
            columns: ["workspace_id", "undo_of_id"]
            isOneToOne: false
            referencedRelation: "agent_approvals"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_approvals_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "agent_approvals_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_approvals_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agent_approvals_workspace_id_run_id_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      agent_feedback: {
        Row: {
          agent_id: string | null
          chat_message_id: number | null
          comment: string | null
          correction: string | null
          created_at: string
          id: string
          kind: Database["public"]["Enums"]["agent_feedback_kind"]
          prompt_excerpt: string | null
          query_id: number | null
          rating: number | null
          run_id: string | null
          updated_at: string
          user_id: string | null
          workspace_id: string
        }
        Insert: {
          agent_id?: string | null
          chat_message_id?: number | null
          comment?: string | null
          correction?: string | null
          created_at?: string
          id?: string
          kind: Database["public"]["Enums"]["agent_feedback_kind"]
          prompt_excerpt?: string | null
          query_id?: number | null
          rating?: number | null
          run_id?: string | null
          updated_at?: string
          user_id?: string | null
          workspace_id: string
        }
        Update: {
          agent_id?: string | null
          chat_message_id?: number | null
          comment?: string | null
          correction?: string | null
          created_at?: string
          id?: string
          kind?: Database["public"]["Enums"]["agent_feedback_kind"]
          prompt_excerpt?: string | null
          query_id?: number | null
          rating?: number | null
          run_id?: string | null
          updated_at?: string
          user_id?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "agent_feedback_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "agent_feedback_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_feedback_workspace_id_chat_message_id_fkey"
            columns: ["workspace_id", "chat_message_id"]
            isOneToOne: false
            referencedRelation: "chat_messages"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_feedback_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agent_feedback_workspace_id_query_id_fkey"
            columns: ["workspace_id", "query_id"]
            isOneToOne: false
            referencedRelation: "agent_queries"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_feedback_workspace_id_run_id_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      agent_qc: {
        Row: {
          check_name: string
          checked_by: string | null
          created_at: string
          details: NonNullable<Json>
          id: string
          result: Database["public"]["Enums"]["qc_result"]
          run_id: string
          score: number | null
          workspace_id: string
        }
        Insert: {
          check_name: string
          checked_by?: string | null
          created_at?: string
          details?: NonNullable<Json>
          id?: string
          result: Database["public"]["Enums"]["qc_result"]
          run_id: string
          score?: number | null
          workspace_id: string
        }
        Update: {
          check_name?: string
          checked_by?: string | null
          created_at?: string
          details?: NonNullable<Json>
          id?: string
          result?: Database["public"]["Enums"]["qc_result"]
          run_id?: string
          score?: number | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "agent_qc_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agent_qc_workspace_id_run_id_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      agent_queries: {
        Row: {
          agent_id: string | null
          cached_input_tokens: number
          cost_micros: number | null
          created_at: string
          error: string | null
          id: number
          input_tokens: number
          latency_ms: number | null
          model: string
          model_id: string | null
          output_tokens: number
          provider: Database["public"]["Enums"]["ai_provider"]
          purpose: string | null
          request: NonNullable<Json>
          response: Json | null
          run_id: string | null
          status: Database["public"]["Enums"]["agent_query_status"]
          workspace_id: string
        }
        Insert: {
          agent_id?: string | null
          cached_input_tokens?: number
          cost_micros?: number | null
          created_at?: string
          error?: string | null
          id?: never
          input_tokens?: number
          latency_ms?: number | null
          model: string
          model_id?: string | null
          output_tokens?: number
          provider: Database["public"]["Enums"]["ai_provider"]
          purpose?: string | null
          request?: NonNullable<Json>
          response?: Json | null
          run_id?: string | null
          status?: Database["public"]["Enums"]["agent_query_status"]
          workspace_id: string
        }
        Update: {
          agent_id?: string | null
          cached_input_tokens?: number
          cost_micros?: number | null
          created_at?: string
          error?: string | null
          id?: never
          input_tokens?: number
          latency_ms?: number | null
          model?: string
          model_id?: string | null
          output_tokens?: number
          provider?: Database["public"]["Enums"]["ai_provider"]
          purpose?: string | null
          request?: NonNullable<Json>
          response?: Json | null
          run_id?: string | null
          status?: Database["public"]["Enums"]["agent_query_status"]
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "agent_queries_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "ai_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agent_queries_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "agent_queries_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_queries_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agent_queries_workspace_id_run_id_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      agent_runs: {
        Row: {
          acting_user_id: string | null
          agent_id: string
          chat_session_id: string | null
          cost_micros: number
          created_at: string
          dedupe_key: string | null
          duration_ms: number | null
          error: string | null
          finished_at: string | null
          id: string
          input: NonNullable<Json>
          input_tokens: number
          kind: Database["public"]["Enums"]["agent_run_kind"]
          lease_expires_at: string | null
          model: string | null
          model_id: string | null
          output: Json | null
          output_tokens: number
          queries: number
          started_at: string | null
          status: Database["public"]["Enums"]["agent_run_status"]
          steps: number
          trigger: Database["public"]["Enums"]["agent_run_trigger"]
          triggered_by: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          acting_user_id?: string | null
          agent_id: string
          chat_session_id?: string | null
          cost_micros?: number
          created_at?: string
          dedupe_key?: string | null
          duration_ms?: never
          error?: string | null
          finished_at?: string | null
          id?: string
          input?: NonNullable<Json>
          input_tokens?: number
          kind?: Database["public"]["Enums"]["agent_run_kind"]
          lease_expires_at?: string | null
          model?: string | null
          model_id?: string | null
          output?: Json | null
          output_tokens?: number
          queries?: number
          started_at?: string | null
          status?: Database["public"]["Enums"]["agent_run_status"]
          steps?: number
          trigger?: Database["public"]["Enums"]["agent_run_trigger"]
          triggered_by?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          acting_user_id?: string | null
          agent_id?: string
          chat_session_id?: string | null
          cost_micros?: number
          created_at?: string
          dedupe_key?: string | null
          duration_ms?: never
          error?: string | null
          finished_at?: string | null
          id?: string
          input?: NonNullable<Json>
          input_tokens?: number
          kind?: Database["public"]["Enums"]["agent_run_kind"]
          lease_expires_at?: string | null
          model?: string | null
          model_id?: string | null
          output?: Json | null
          output_tokens?: number
          queries?: number
          started_at?: string | null
          status?: Database["public"]["Enums"]["agent_run_status"]
          steps?: number
          trigger?: Database["public"]["Enums"]["agent_run_trigger"]
          triggered_by?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "agent_runs_chat_session_fkey"
            columns: ["workspace_id", "chat_session_id"]
            isOneToOne: false
            referencedRelation: "chat_sessions"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_runs_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "ai_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agent_runs_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "agent_runs_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_runs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      agent_settings: {
        Row: {
          chat_agent_id: string | null
          created_at: string
          max_budget_change_pct: number
          max_daily_budget_cents: number | null
          max_discount_percent: number
          max_gift_card_cents: number
          max_price_change_pct: number
          max_proposals_per_run: number
          max_run_seconds: number
          max_run_tokens: number
          max_steps: number
          monthly_budget_micros: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          chat_agent_id?: string | null
          created_at?: string
          max_budget_change_pct?: number
          max_daily_budget_cents?: number | null
          max_discount_percent?: number
          max_gift_card_cents?: number
          max_price_change_pct?: number
          max_proposals_per_run?: number
          max_run_seconds?: number
          max_run_tokens?: number
          max_steps?: number
          monthly_budget_micros?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          chat_agent_id?: string | null
          created_at?: string
          max_budget_change_pct?: number
          max_daily_budget_cents?: number | null
          max_discount_percent?: number
          max_gift_card_cents?: number
          max_price_change_pct?: number
          max_proposals_per_run?: number
          max_run_seconds?: number
          max_run_tokens?: number
          max_steps?: number
          monthly_budget_micros?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "agent_settings_workspace_id_chat_agent_id_fkey"
            columns: ["workspace_id", "chat_agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "agent_settings_workspace_id_chat_agent_id_fkey"
            columns: ["workspace_id", "chat_agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      agent_training_examples: {
        Row: {
          actual_output: string | null
          agent_id: string
          confidence: number | null
          created_at: string
          created_by: string | null
          expected_output: string | null
          feedback_id: string | null
          id: string
          input: string | null
          is_active: boolean
          kind: Database["public"]["Enums"]["training_example_kind"]
          pattern: Json | null
          source: Database["public"]["Enums"]["training_example_source"]
          tags: string[]
          updated_at: string
          usage_count: number
          was_correct: boolean | null
          workspace_id: string
        }
        Insert: {
          actual_output?: string | null
          agent_id: string
          confidence?: number | null
          created_at?: string
          created_by?: string | null
          expected_output?: string | null
          feedback_id?: string | null
          id?: string
          input?: string | null
          is_active?: boolean
          kind?: Database["public"]["Enums"]["training_example_kind"]
          pattern?: Json | null
          source?: Database["public"]["Enums"]["training_example_source"]
          tags?: string[]
          updated_at?: string
          usage_count?: number
          was_correct?: boolean | null
          workspace_id: string
        }
        Update: {
          actual_output?: string | null
          agent_id?: string
          confidence?: number | null
          created_at?: string
          created_by?: string | null
          expected_output?: string | null
          feedback_id?: string | null
          id?: string
          input?: string | null
          is_active?: boolean
          kind?: Database["public"]["Enums"]["training_example_kind"]
          pattern?: Json | null
          source?: Database["public"]["Enums"]["training_example_source"]
          tags?: string[]
          updated_at?: string
          usage_count?: number
          was_correct?: boolean | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "agent_training_examples_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "agent_training_examples_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_training_examples_workspace_id_feedback_id_fkey"
            columns: ["workspace_id", "feedback_id"]
            isOneToOne: false
            referencedRelation: "agent_feedback"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_training_examples_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      agents: {
        Row: {
          allowed_actions: Database["public"]["Enums"]["approval_action"][]
          capabilities: string[]
          created_at: string
          created_by: string | null
          description: string | null
          email: string | null
          id: string
          key: string
          max_output_tokens: number | null
          model_id: string | null
          name: string
          personality_formality: number
          personality_verbosity: number
          personality_warmth: number
          preferred_greeting: string | null
          requires_approval: boolean
          role: string
          settings: NonNullable<Json>
          signature: string | null
          status: Database["public"]["Enums"]["agent_status"]
          system_prompt: string | null
          temperature: number | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          allowed_actions?: Database["public"]["Enums"]["approval_action"][]
          capabilities?: string[]
          created_at?: string
          created_by?: string | null
          description?: string | null
          email?: string | null
          id?: string
          key: string
          max_output_tokens?: number | null
          model_id?: string | null
          name: string
          personality_formality?: number
          personality_verbosity?: number
          personality_warmth?: number
          preferred_greeting?: string | null
          requires_approval?: boolean
          role: string
          settings?: NonNullable<Json>
          signature?: string | null
          status?: Database["public"]["Enums"]["agent_status"]
          system_prompt?: string | null
          temperature?: number | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          allowed_actions?: Database["public"]["Enums"]["approval_action"][]
          capabilities?: string[]
          created_at?: string
          created_by?: string | null
          description?: string | null
          email?: string | null
          id?: string
          key?: string
          max_output_tokens?: number | null
          model_id?: string | null
          name?: string
          personality_formality?: number
          personality_verbosity?: number
          personality_warmth?: number
          preferred_greeting?: string | null
          requires_approval?: boolean
          role?: string
          settings?: NonNullable<Json>
          signature?: string | null
          status?: Database["public"]["Enums"]["agent_status"]
          system_prompt?: string | null
          temperature?: number | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "agents_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "ai_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "agents_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ai_insights: {
        Row: {
          agent_id: string | null
          approval_id: string | null
          body: string | null
          confidence: number | null
          created_at: string
          data: NonNullable<Json>
          expires_at: string | null
          id: string
          impact: Database["public"]["Enums"]["insight_impact"]
          kind: Database["public"]["Enums"]["insight_kind"]
          metric: string | null
          run_id: string | null
          status: Database["public"]["Enums"]["insight_status"]
          status_changed_at: string | null
          status_changed_by: string | null
          title: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          agent_id?: string | null
          approval_id?: string | null
          body?: string | null
          confidence?: number | null
          created_at?: string
          data?: NonNullable<Json>
          expires_at?: string | null
          id?: string
          impact?: Database["public"]["Enums"]["insight_impact"]
          kind: Database["public"]["Enums"]["insight_kind"]
          metric?: string | null
          run_id?: string | null
          status?: Database["public"]["Enums"]["insight_status"]
          status_changed_at?: string | null
          status_changed_by?: string | null
          title: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          agent_id?: string | null
          approval_id?: string | null
          body?: string | null
          confidence?: number | null
          created_at?: string
          data?: NonNullable<Json>
          expires_at?: string | null
          id?: string
          impact?: Database["public"]["Enums"]["insight_impact"]
          kind?: Database["public"]["Enums"]["insight_kind"]
          metric?: string | null
          run_id?: string | null
          status?: Database["public"]["Enums"]["insight_status"]
          status_changed_at?: string | null
          status_changed_by?: string | null
          title?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ai_insights_run_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ai_insights_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "ai_insights_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ai_insights_workspace_id_approval_id_fkey"
            columns: ["workspace_id", "approval_id"]
            isOneToOne: false
            referencedRelation: "agent_approvals"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ai_insights_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ai_model_discovery_runs: {
        Row: {
          created_at: string
          details: NonNullable<Json>
          error: string | null
          execution_time_ms: number | null
          finished_at: string | null
          id: string
          models_added: number
          models_deprecated: number
          models_discovered: number
          models_updated: number
          providers_checked: Database["public"]["Enums"]["ai_provider"][]
          started_at: string
          status: Database["public"]["Enums"]["discovery_run_status"]
        }
        Insert: {
          created_at?: string
          details?: NonNullable<Json>
          error?: string | null
          execution_time_ms?: number | null
          finished_at?: string | null
          id?: string
          models_added?: number
          models_deprecated?: number
          models_discovered?: number
          models_updated?: number
          providers_checked?: Database["public"]["Enums"]["ai_provider"][]
          started_at?: string
          status?: Database["public"]["Enums"]["discovery_run_status"]
        }
        Update: {
          created_at?: string
          details?: NonNullable<Json>
          error?: string | null
          execution_time_ms?: number | null
          finished_at?: string | null
          id?: string
          models_added?: number
          models_deprecated?: number
          models_discovered?: number
          models_updated?: number
          providers_checked?: Database["public"]["Enums"]["ai_provider"][]
          started_at?: string
          status?: Database["public"]["Enums"]["discovery_run_status"]
        }
        Relationships: []
      }
      ai_models: {
        Row: {
          cached_input_price_per_mtok_micros: number | null
          capabilities: Database["public"]["Enums"]["ai_model_capability"][]
          context_window: number | null
          created_at: string
          currency: string
          deprecated_at: string | null
          display_name: string | null
          id: string
          input_price_per_mtok_micros: number
          is_active: boolean
          is_default: boolean
          last_seen_at: string | null
          max_output_tokens: number | null
          metadata: NonNullable<Json>
          model: string
          model_type: Database["public"]["Enums"]["ai_model_type"]
          needs_review: boolean
          output_price_per_mtok_micros: number
          provider: Database["public"]["Enums"]["ai_provider"]
          reviewed_at: string | null
          updated_at: string
        }
        Insert: {
          cached_input_price_per_mtok_micros?: number | null
          capabilities?: Database["public"]["Enums"]["ai_model_capability"][]
          context_window?: number | null
          created_at?: string
          currency?: string
          deprecated_at?: string | null
          display_name?: string | null
          id?: string
          input_price_per_mtok_micros?: number
          is_active?: boolean
          is_default?: boolean
          last_seen_at?: string | null
          max_output_tokens?: number | null
          metadata?: NonNullable<Json>
          model: string
          model_type: Database["public"]["Enums"]["ai_model_type"]
          needs_review?: boolean
          output_price_per_mtok_micros?: number
          provider: Database["public"]["Enums"]["ai_provider"]
          reviewed_at?: string | null
          updated_at?: string
        }
        Update: {
          cached_input_price_per_mtok_micros?: number | null
          capabilities?: Database["public"]["Enums"]["ai_model_capability"][]
          context_window?: number | null
          created_at?: string
          currency?: string
          deprecated_at?: string | null
          display_name?: string | null
          id?: string
          input_price_per_mtok_micros?: number
          is_active?: boolean
          is_default?: boolean
          last_seen_at?: string | null
          max_output_tokens?: number | null
          metadata?: NonNullable<Json>
          model?: string
          model_type?: Database["public"]["Enums"]["ai_model_type"]
          needs_review?: boolean
          output_price_per_mtok_micros?: number
          provider?: Database["public"]["Enums"]["ai_provider"]
          reviewed_at?: string | null
          updated_at?: string
        }
        Relationships: []
      }
      ai_video_jobs: {
        Row: {
          attempts: number
          completed_at: string | null
          cost_micros: number
          created_at: string
          currency: string
          error: string | null
          external_operation_id: string | null
          id: string
          job_type: Database["public"]["Enums"]["ai_video_job_type"]
          project_id: string
          prompt: string | null
          result_path: string | null
          result_url: string | null
          scene_index: number | null
          started_at: string | null
          status: Database["public"]["Enums"]["ai_video_job_status"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          attempts?: number
          completed_at?: string | null
          cost_micros?: number
          created_at?: string
          currency?: string
          error?: string | null
          external_operation_id?: string | null
          id?: string
          job_type: Database["public"]["Enums"]["ai_video_job_type"]
          project_id: string
          prompt?: string | null
          result_path?: string | null
          result_url?: string | null
          scene_index?: number | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["ai_video_job_status"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          attempts?: number
          completed_at?: string | null
          cost_micros?: number
          created_at?: string
          currency?: string
          error?: string | null
          external_operation_id?: string | null
          id?: string
          job_type?: Database["public"]["Enums"]["ai_video_job_type"]
          project_id?: string
          prompt?: string | null
          result_path?: string | null
          result_url?: string | null
          scene_index?: number | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["ai_video_job_status"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ai_video_jobs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ai_video_jobs_workspace_id_project_id_fkey"
            columns: ["workspace_id", "project_id"]
            isOneToOne: false
            referencedRelation: "ai_video_projects"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      ai_video_projects: {
        Row: {
          auto_generated: boolean
          brand_kit: NonNullable<Json>
          completed_at: string | null
          created_at: string
          created_by: string | null
          duration_s: number
          error: string | null
          goal: string
          id: string
          platform: Database["public"]["Enums"]["ai_video_platform"]
          result_path: string | null
          scene_plan: Json | null
          started_at: string | null
          status: Database["public"]["Enums"]["ai_video_status"]
          title: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          auto_generated?: boolean
          brand_kit?: NonNullable<Json>
          completed_at?: string | null
          created_at?: string
          created_by?: string | null
          duration_s: number
          error?: string | null
          goal: string
          id?: string
          platform: Database["public"]["Enums"]["ai_video_platform"]
          result_path?: string | null
          scene_plan?: Json | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["ai_video_status"]
          title: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          auto_generated?: boolean
          brand_kit?: NonNullable<Json>
          completed_at?: string | null
          created_at?: string
          created_by?: string | null
          duration_s?: number
          error?: string | null
          goal?: string
          id?: string
          platform?: Database["public"]["Enums"]["ai_video_platform"]
          result_path?: string | null
          scene_plan?: Json | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["ai_video_status"]
          title?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ai_video_projects_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      analytics_reports: {
        Row: {
          created_at: string
          created_by: string | null
          error: string | null
          generated_at: string | null
          id: string
          kind: Database["public"]["Enums"]["report_kind"]
          name: string
          parameters: NonNullable<Json>
          period_end: string
          period_start: string
          results: Json | null
          status: Database["public"]["Enums"]["report_status"]
          storage_path: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          error?: string | null
          generated_at?: string | null
          id?: string
          kind: Database["public"]["Enums"]["report_kind"]
          name: string
          parameters?: NonNullable<Json>
          period_end: string
          period_start: string
          results?: Json | null
          status?: Database["public"]["Enums"]["report_status"]
          storage_path?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          error?: string | null
          generated_at?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["report_kind"]
          name?: string
          parameters?: NonNullable<Json>
          period_end?: string
          period_start?: string
          results?: Json | null
          status?: Database["public"]["Enums"]["report_status"]
          storage_path?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "analytics_reports_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      analytics_settings: {
        Row: {
          briefing_retention_days: number
          created_at: string
          events_retention_days: number
          seo_retention_days: number
          social_retention_days: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          briefing_retention_days?: number
          created_at?: string
          events_retention_days?: number
          seo_retention_days?: number
          social_retention_days?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          briefing_retention_days?: number
          created_at?: string
          events_retention_days?: number
          seo_retention_days?: number
          social_retention_days?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "analytics_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      analytics_sync_runs: {
        Row: {
          api_calls: number
          attempts: number
          connection_id: string
          created_at: string
          error: string | null
          finished_at: string | null
          id: number
          job_id: number
          kind: Database["public"]["Enums"]["analytics_sync_kind"]
          next_attempt_at: string | null
          pages: number
          rows_written: number
          source: Database["public"]["Enums"]["analytics_source"]
          started_at: string | null
          status: Database["public"]["Enums"]["analytics_sync_status"]
          updated_at: string
          window_from: string
          window_to: string
          workspace_id: string
        }
        Insert: {
          api_calls?: number
          attempts?: number
          connection_id: string
          created_at?: string
          error?: string | null
          finished_at?: string | null
          id?: never
          job_id: number
          kind: Database["public"]["Enums"]["analytics_sync_kind"]
          next_attempt_at?: string | null
          pages?: number
          rows_written?: number
          source: Database["public"]["Enums"]["analytics_source"]
          started_at?: string | null
          status?: Database["public"]["Enums"]["analytics_sync_status"]
          updated_at?: string
          window_from: string
          window_to: string
          workspace_id: string
        }
        Update: {
          api_calls?: number
          attempts?: number
          connection_id?: string
          created_at?: string
          error?: string | null
          finished_at?: string | null
          id?: never
          job_id?: number
          kind?: Database["public"]["Enums"]["analytics_sync_kind"]
          next_attempt_at?: string | null
          pages?: number
          rows_written?: number
          source?: Database["public"]["Enums"]["analytics_source"]
          started_at?: string | null
          status?: Database["public"]["Enums"]["analytics_sync_status"]
          updated_at?: string
          window_from?: string
          window_to?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "analytics_sync_runs_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "analytics_sync_runs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      analytics_sync_schedules: {
        Row: {
          backfill_days: number
          connection_id: string
          created_at: string
          enabled: boolean
          initial_queued_at: string | null
          last_daily_queued_on: string | null
          last_sync_status:
            | Database["public"]["Enums"]["analytics_sync_status"]
            | null
          last_synced_at: string | null
          recent_days: number
          source: Database["public"]["Enums"]["analytics_source"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          backfill_days: number
          connection_id: string
          created_at?: string
          enabled?: boolean
          initial_queued_at?: string | null
          last_daily_queued_on?: string | null
          last_sync_status?:
            | Database["public"]["Enums"]["analytics_sync_status"]
            | null
          last_synced_at?: string | null
          recent_days: number
          source: Database["public"]["Enums"]["analytics_source"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          backfill_days?: number
          connection_id?: string
          created_at?: string
          enabled?: boolean
          initial_queued_at?: string | null
          last_daily_queued_on?: string | null
          last_sync_status?:
            | Database["public"]["Enums"]["analytics_sync_status"]
            | null
          last_synced_at?: string | null
          recent_days?: number
          source?: Database["public"]["Enums"]["analytics_source"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "analytics_sync_schedules_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "analytics_sync_schedules_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      attribution_credits: {
        Row: {
          campaign: string | null
          channel: Database["public"]["Enums"]["marketing_channel"]
          conversion_id: string
          converted_at: string
          created_at: string
          credit_cents: number
          medium: string | null
          model: Database["public"]["Enums"]["attribution_model"]
          position: number
          source: string | null
          touched_at: string | null
          touchpoint_id: number | null
          utm_id: string | null
          weight: number
          workspace_id: string
        }
        Insert: {
          campaign?: string | null
          channel: Database["public"]["Enums"]["marketing_channel"]
          conversion_id: string
          converted_at: string
          created_at?: string
          credit_cents: number
          medium?: string | null
          model: Database["public"]["Enums"]["attribution_model"]
          position: number
          source?: string | null
          touched_at?: string | null
          touchpoint_id?: number | null
          utm_id?: string | null
          weight: number
          workspace_id: string
        }
        Update: {
          campaign?: string | null
          channel?: Database["public"]["Enums"]["marketing_channel"]
          conversion_id?: string
          converted_at?: string
          created_at?: string
          credit_cents?: number
          medium?: string | null
          model?: Database["public"]["Enums"]["attribution_model"]
          position?: number
          source?: string | null
          touched_at?: string | null
          touchpoint_id?: number | null
          utm_id?: string | null
          weight?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "attribution_credits_conversion_id_fkey"
            columns: ["conversion_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "conversions"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "attribution_credits_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      attribution_settings: {
        Row: {
          created_at: string
          lookback_days: number
          time_decay_half_life_days: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          lookback_days?: number
          time_decay_half_life_days?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          lookback_days?: number
          time_decay_half_life_days?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "attribution_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      audit_log: {
        Row: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id: string | null
          actor_role: string
          created_at: string
          id: number
          new_data: Json | null
          old_data: Json | null
          reason: string | null
          record_id: string | null
          table_name: string
          workspace_id: string | null
        }
        Insert: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_role: string
          created_at?: string
          id?: never
          new_data?: Json | null
          old_data?: Json | null
          reason?: string | null
          record_id?: string | null
          table_name: string
          workspace_id?: string | null
        }
        Update: {
          action?: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_role?: string
          created_at?: string
          id?: never
          new_data?: Json | null
          old_data?: Json | null
          reason?: string | null
          record_id?: string | null
          table_name?: string
          workspace_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "audit_log_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      autopilot_activity_log: {
        Row: {
          activity_type: Database["public"]["Enums"]["autopilot_activity_type"]
          actor_id: string | null
          actor_kind: Database["public"]["Enums"]["actor_kind"]
          created_at: string
          description: string
          entity_id: string | null
          entity_type: string | null
          id: number
          metadata: NonNullable<Json>
          workspace_id: string
        }
        Insert: {
          activity_type: Database["public"]["Enums"]["autopilot_activity_type"]
          actor_id?: string | null
          actor_kind?: Database["public"]["Enums"]["actor_kind"]
          created_at?: string
          description: string
          entity_id?: string | null
          entity_type?: string | null
          id?: never
          metadata?: NonNullable<Json>
          workspace_id: string
        }
        Update: {
          activity_type?: Database["public"]["Enums"]["autopilot_activity_type"]
          actor_id?: string | null
          actor_kind?: Database["public"]["Enums"]["actor_kind"]
          created_at?: string
          description?: string
          entity_id?: string | null
          entity_type?: string | null
          id?: never
          metadata?: NonNullable<Json>
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "autopilot_activity_log_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      autopilot_configs: {
        Row: {
          ai_strategy: NonNullable<Json>
          business_description: string | null
          created_at: string
          created_by: string | null
          currency: string
          enabled: boolean
          goals: NonNullable<Json>
          hot_lead_score: number
          min_spend_cents: number
          monthly_budget_cents: number
          target_audience: string | null
          target_roas: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          ai_strategy?: NonNullable<Json>
          business_description?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string
          enabled?: boolean
          goals?: NonNullable<Json>
          hot_lead_score?: number
          min_spend_cents?: number
          monthly_budget_cents?: number
          target_audience?: string | null
          target_roas?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          ai_strategy?: NonNullable<Json>
          business_description?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string
          enabled?: boolean
          goals?: NonNullable<Json>
          hot_lead_score?: number
          min_spend_cents?: number
          monthly_budget_cents?: number
          target_audience?: string | null
          target_roas?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "autopilot_configs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      autopilot_cron_schedule: {
        Row: {
          created_at: string
          enabled: boolean
          failures: number
          job: Database["public"]["Enums"]["autopilot_job"]
          last_error: string | null
          last_result: Json | null
          last_run_at: string | null
          last_status:
            | Database["public"]["Enums"]["autopilot_run_status"]
            | null
          runs: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          enabled?: boolean
          failures?: number
          job: Database["public"]["Enums"]["autopilot_job"]
          last_error?: string | null
          last_result?: Json | null
          last_run_at?: string | null
          last_status?:
            | Database["public"]["Enums"]["autopilot_run_status"]
            | null
          runs?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          enabled?: boolean
          failures?: number
          job?: Database["public"]["Enums"]["autopilot_job"]
          last_error?: string | null
          last_result?: Json | null
          last_run_at?: string | null
          last_status?:
            | Database["public"]["Enums"]["autopilot_run_status"]
            | null
          runs?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "autopilot_cron_schedule_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      autopilot_weekly_reports: {
        Row: {
          ai_insights: Json | null
          channel_breakdown: NonNullable<Json>
          commentary_run_id: string | null
          conversions: number
          converted_leads: number
          created_at: string
          currency: string
          generated_at: string
          id: string
          iso_week: number | null
          iso_year: number | null
          leads_by_source: NonNullable<Json>
          roas: number | null
          roi: number | null
          top_performing_channel:
            | Database["public"]["Enums"]["ad_platform"]
            | null
          total_leads_generated: number
          total_revenue_cents: number
          total_spend_cents: number
          updated_at: string
          week_start: string
          workspace_id: string
        }
        Insert: {
          ai_insights?: Json | null
          channel_breakdown?: NonNullable<Json>
          commentary_run_id?: string | null
          conversions?: number
          converted_leads?: number
          created_at?: string
          currency?: string
          generated_at?: string
          id?: string
          iso_week?: never
          iso_year?: never
          leads_by_source?: NonNullable<Json>
          roas?: number | null
          roi?: number | null
          top_performing_channel?:
            | Database["public"]["Enums"]["ad_platform"]
            | null
          total_leads_generated?: number
          total_revenue_cents?: number
          total_spend_cents?: number
          updated_at?: string
          week_start: string
          workspace_id: string
        }
        Update: {
          ai_insights?: Json | null
          channel_breakdown?: NonNullable<Json>
          commentary_run_id?: string | null
          conversions?: number
          converted_leads?: number
          created_at?: string
          currency?: string
          generated_at?: string
          id?: string
          iso_week?: never
          iso_year?: never
          leads_by_source?: NonNullable<Json>
          roas?: number | null
          roi?: number | null
          top_performing_channel?:
            | Database["public"]["Enums"]["ad_platform"]
            | null
          total_leads_generated?: number
          total_revenue_cents?: number
          total_spend_cents?: number
          updated_at?: string
          week_start?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "autopilot_weekly_reports_commentary_run_fkey"
            columns: ["workspace_id", "commentary_run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "autopilot_weekly_reports_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      brand_assets: {
        Row: {
          created_at: string
          digital_asset_id: string | null
          id: string
          is_primary: boolean
          kind: Database["public"]["Enums"]["brand_asset_kind"]
          name: string
          updated_at: string
          value: NonNullable<Json>
          workspace_id: string
        }
        Insert: {
          created_at?: string
          digital_asset_id?: string | null
          id?: string
          is_primary?: boolean
          kind: Database["public"]["Enums"]["brand_asset_kind"]
          name: string
          updated_at?: string
          value?: NonNullable<Json>
          workspace_id: string
        }
        Update: {
          created_at?: string
          digital_asset_id?: string | null
          id?: string
          is_primary?: boolean
          kind?: Database["public"]["Enums"]["brand_asset_kind"]
          name?: string
          updated_at?: string
          value?: NonNullable<Json>
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "brand_assets_workspace_id_digital_asset_id_fkey"
            columns: ["workspace_id", "digital_asset_id"]
            isOneToOne: false
            referencedRelation: "digital_assets"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "brand_assets_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      campaign_metrics: {
        Row: {
          campaign_id: string
          channel: Database["public"]["Enums"]["marketing_channel"]
          clicks: number
          conversions: number
          created_at: string
          currency: string
          day: string
          engagements: number
          id: number
          impressions: number
          leads: number
          metadata: NonNullable<Json>
          revenue_cents: number
          spend_cents: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          campaign_id: string
          channel: Database["public"]["Enums"]["marketing_channel"]
          clicks?: number
          conversions?: number
          created_at?: string
          currency?: string
          day: string
          engagements?: number
          id?: never
          impressions?: number
          leads?: number
          metadata?: NonNullable<Json>
          revenue_cents?: number
          spend_cents?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          campaign_id?: string
          channel?: Database["public"]["Enums"]["marketing_channel"]
          clicks?: number
          conversions?: number
          created_at?: string
          currency?: string
          day?: string
          engagements?: number
          id?: never
          impressions?: number
          leads?: number
          metadata?: NonNullable<Json>
          revenue_cents?: number
          spend_cents?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "campaign_metrics_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "campaign_metrics_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "campaign_metrics_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      campaign_predictions: {
        Row: {
          campaign_id: string
          confidence: number | null
          created_at: string
          id: string
          inputs: NonNullable<Json>
          lower_bound: number | null
          metric: Database["public"]["Enums"]["prediction_metric"]
          model: string
          period_end: string
          period_start: string
          predicted_value: number
          run_id: string | null
          updated_at: string
          upper_bound: number | null
          workspace_id: string
        }
        Insert: {
          campaign_id: string
          confidence?: number | null
          created_at?: string
          id?: string
          inputs?: NonNullable<Json>
          lower_bound?: number | null
          metric: Database["public"]["Enums"]["prediction_metric"]
          model?: string
          period_end: string
          period_start: string
          predicted_value: number
          run_id?: string | null
          updated_at?: string
          upper_bound?: number | null
          workspace_id: string
        }
        Update: {
          campaign_id?: string
          confidence?: number | null
          created_at?: string
          id?: string
          inputs?: NonNullable<Json>
          lower_bound?: number | null
          metric?: Database["public"]["Enums"]["prediction_metric"]
          model?: string
          period_end?: string
          period_start?: string
          predicted_value?: number
          run_id?: string | null
          updated_at?: string
          upper_bound?: number | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "campaign_predictions_run_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "campaign_predictions_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "campaign_predictions_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "campaign_predictions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      campaign_tasks: {
        Row: {
          assignee_id: string | null
          campaign_id: string
          completed_at: string | null
          created_at: string
          created_by: string | null
          description: string | null
          due_date: string | null
          id: string
          position: number
          priority: Database["public"]["Enums"]["task_priority"]
          status: Database["public"]["Enums"]["task_status"]
          title: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          assignee_id?: string | null
          campaign_id: string
          completed_at?: string | null
          created_at?: string
          created_by?: string | null
          description?: string | null
          due_date?: string | null
          id?: string
          position?: number
          priority?: Database["public"]["Enums"]["task_priority"]
          status?: Database["public"]["Enums"]["task_status"]
          title: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          assignee_id?: string | null
          campaign_id?: string
          completed_at?: string | null
          created_at?: string
          created_by?: string | null
          description?: string | null
          due_date?: string | null
          id?: string
          position?: number
          priority?: Database["public"]["Enums"]["task_priority"]
          status?: Database["public"]["Enums"]["task_status"]
          title?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "campaign_tasks_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "campaign_tasks_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "campaign_tasks_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      campaigns: {
        Row: {
          auto_managed: boolean
          budget_cents: number
          channels: Database["public"]["Enums"]["marketing_channel"][]
          created_at: string
          created_by: string | null
          currency: string
          description: string | null
          end_date: string | null
          id: string
          kpi_targets: NonNullable<Json>
          name: string
          objective: Database["public"]["Enums"]["campaign_objective"] | null
          owner_id: string | null
          start_date: string | null
          status: Database["public"]["Enums"]["campaign_status"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          auto_managed?: boolean
          budget_cents?: number
          channels?: Database["public"]["Enums"]["marketing_channel"][]
          created_at?: string
          created_by?: string | null
          currency?: string
          description?: string | null
          end_date?: string | null
          id?: string
          kpi_targets?: NonNullable<Json>
          name: string
          objective?: Database["public"]["Enums"]["campaign_objective"] | null
          owner_id?: string | null
          start_date?: string | null
          status?: Database["public"]["Enums"]["campaign_status"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          auto_managed?: boolean
          budget_cents?: number
          channels?: Database["public"]["Enums"]["marketing_channel"][]
          created_at?: string
          created_by?: string | null
          currency?: string
          description?: string | null
          end_date?: string | null
          id?: string
          kpi_targets?: NonNullable<Json>
          name?: string
          objective?: Database["public"]["Enums"]["campaign_objective"] | null
          owner_id?: string | null
          start_date?: string | null
          status?: Database["public"]["Enums"]["campaign_status"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "campaigns_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ceo_briefings: {
        Row: {
          cost_micros: number | null
          created_at: string
          executive_summary: string
          feedback_notes: string | null
          generation_input_tokens: number
          generation_model: string | null
          generation_output_tokens: number
          id: string
          insights: NonNullable<Json>
          key_metrics: NonNullable<Json>
          kind: Database["public"]["Enums"]["briefing_kind"]
          model_id: string | null
          period_end: string
          period_start: string
          rated_at: string | null
          rated_by: string | null
          rating: number | null
          run_id: string | null
          slack_channel_id: string | null
          slack_message_ts: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          cost_micros?: number | null
          created_at?: string
          executive_summary: string
          feedback_notes?: string | null
          generation_input_tokens?: number
          generation_model?: string | null
          generation_output_tokens?: number
          id?: string
          insights?: NonNullable<Json>
          key_metrics?: NonNullable<Json>
          kind: Database["public"]["Enums"]["briefing_kind"]
          model_id?: string | null
          period_end: string
          period_start: string
          rated_at?: string | null
          rated_by?: string | null
          rating?: number | null
          run_id?: string | null
          slack_channel_id?: string | null
          slack_message_ts?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          cost_micros?: number | null
          created_at?: string
          executive_summary?: string
          feedback_notes?: string | null
          generation_input_tokens?: number
          generation_model?: string | null
          generation_output_tokens?: number
          id?: string
          insights?: NonNullable<Json>
          key_metrics?: NonNullable<Json>
          kind?: Database["public"]["Enums"]["briefing_kind"]
          model_id?: string | null
          period_end?: string
          period_start?: string
          rated_at?: string | null
          rated_by?: string | null
          rating?: number | null
          run_id?: string | null
          slack_channel_id?: string | null
          slack_message_ts?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ceo_briefings_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "ai_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ceo_briefings_run_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ceo_briefings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      chat_messages: {
        Row: {
          content: string
          created_at: string
          id: number
          metadata: NonNullable<Json>
          query_id: number | null
          role: Database["public"]["Enums"]["chat_role"]
          session_id: string
          user_id: string
          workspace_id: string
        }
        Insert: {
          content: string
          created_at?: string
          id?: never
          metadata?: NonNullable<Json>
          query_id?: number | null
          role: Database["public"]["Enums"]["chat_role"]
          session_id: string
          user_id?: string
          workspace_id: string
        }
        Update: {
          content?: string
          created_at?: string
          id?: never
          metadata?: NonNullable<Json>
          query_id?: number | null
          role?: Database["public"]["Enums"]["chat_role"]
          session_id?: string
          user_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "chat_messages_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "chat_messages_workspace_id_query_id_fkey"
            columns: ["workspace_id", "query_id"]
            isOneToOne: false
            referencedRelation: "agent_queries"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "chat_messages_workspace_id_session_id_fkey"
            columns: ["workspace_id", "session_id"]
            isOneToOne: false
            referencedRelation: "chat_sessions"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      chat_sessions: {
        Row: {
          agent_id: string | null
          campaign_id: string | null
          created_at: string
          id: string
          last_message_at: string | null
          message_count: number
          purpose: Database["public"]["Enums"]["chat_purpose"]
          state: NonNullable<Json>
          status: Database["public"]["Enums"]["chat_session_status"]
          title: string | null
          updated_at: string
          user_id: string
          workspace_id: string
        }
        Insert: {
          agent_id?: string | null
          campaign_id?: string | null
          created_at?: string
          id?: string
          last_message_at?: string | null
          message_count?: number
          purpose?: Database["public"]["Enums"]["chat_purpose"]
          state?: NonNullable<Json>
          status?: Database["public"]["Enums"]["chat_session_status"]
          title?: string | null
          updated_at?: string
          user_id?: string
          workspace_id: string
        }
        Update: {
          agent_id?: string | null
          campaign_id?: string | null
          created_at?: string
          id?: string
          last_message_at?: string | null
          message_count?: number
          purpose?: Database["public"]["Enums"]["chat_purpose"]
          state?: NonNullable<Json>
          status?: Database["public"]["Enums"]["chat_session_status"]
          title?: string | null
          updated_at?: string
          user_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "chat_sessions_campaign_id_fkey"
            columns: ["campaign_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["campaign_id", "workspace_id"]
          },
          {
            foreignKeyName: "chat_sessions_campaign_id_fkey"
            columns: ["campaign_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "chat_sessions_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "chat_sessions_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "chat_sessions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      content_calendar: {
        Row: {
          assignee_id: string | null
          campaign_id: string | null
          channel: Database["public"]["Enums"]["marketing_channel"] | null
          content_type: Database["public"]["Enums"]["generated_content_type"]
          created_at: string
          created_by: string | null
          description: string | null
          generated_content_id: string | null
          id: string
          published_at: string | null
          scheduled_for: string | null
          social_post_id: string | null
          status: Database["public"]["Enums"]["calendar_status"]
          title: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          assignee_id?: string | null
          campaign_id?: string | null
          channel?: Database["public"]["Enums"]["marketing_channel"] | null
          content_type: Database["public"]["Enums"]["generated_content_type"]
          created_at?: string
          created_by?: string | null
          description?: string | null
          generated_content_id?: string | null
          id?: string
          published_at?: string | null
          scheduled_for?: string | null
          social_post_id?: string | null
          status?: Database["public"]["Enums"]["calendar_status"]
          title: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          assignee_id?: string | null
          campaign_id?: string | null
          channel?: Database["public"]["Enums"]["marketing_channel"] | null
          content_type?: Database["public"]["Enums"]["generated_content_type"]
          created_at?: string
          created_by?: string | null
          description?: string | null
          generated_content_id?: string | null
          id?: string
          published_at?: string | null
          scheduled_for?: string | null
          social_post_id?: string | null
          status?: Database["public"]["Enums"]["calendar_status"]
          title?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "content_calendar_social_post_fkey"
            columns: ["workspace_id", "social_post_id"]
            isOneToOne: false
            referencedRelation: "social_posts"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "content_calendar_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "content_calendar_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "content_calendar_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "content_calendar_workspace_id_generated_content_id_fkey"
            columns: ["workspace_id", "generated_content_id"]
            isOneToOne: false
            referencedRelation: "generated_content"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      content_templates: {
        Row: {
          body: string
          content_type:
            | Database["public"]["Enums"]["generated_content_type"]
            | null
          created_at: string
          created_by: string | null
          description: string | null
          id: string
          is_active: boolean
          kind: Database["public"]["Enums"]["template_kind"]
          name: string
          sections: NonNullable<Json>
          updated_at: string
          variables: string[]
          workspace_id: string
        }
        Insert: {
          body: string
          content_type?:
            | Database["public"]["Enums"]["generated_content_type"]
            | null
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          is_active?: boolean
          kind?: Database["public"]["Enums"]["template_kind"]
          name: string
          sections?: NonNullable<Json>
          updated_at?: string
          variables?: string[]
          workspace_id: string
        }
        Update: {
          body?: string
          content_type?:
            | Database["public"]["Enums"]["generated_content_type"]
            | null
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          is_active?: boolean
          kind?: Database["public"]["Enums"]["template_kind"]
          name?: string
          sections?: NonNullable<Json>
          updated_at?: string
          variables?: string[]
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "content_templates_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      conversation_messages: {
        Row: {
          confidence: number | null
          content: string
          content_length: number | null
          conversation_id: string
          created_at: string
          demo_id: string | null
          id: string
          intent: string | null
          message_index: number
          occurred_at: string | null
          role: Database["public"]["Enums"]["conversation_role"]
          sentiment: string | null
          workspace_id: string
        }
        Insert: {
          confidence?: number | null
          content: string
          content_length?: never
          conversation_id: string
          created_at?: string
          demo_id?: string | null
          id?: string
          intent?: string | null
          message_index: number
          occurred_at?: string | null
          role: Database["public"]["Enums"]["conversation_role"]
          sentiment?: string | null
          workspace_id: string
        }
        Update: {
          confidence?: number | null
          content?: string
          content_length?: never
          conversation_id?: string
          created_at?: string
          demo_id?: string | null
          id?: string
          intent?: string | null
          message_index?: number
          occurred_at?: string | null
          role?: Database["public"]["Enums"]["conversation_role"]
          sentiment?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "conversation_messages_demo_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "demo_stats"
            referencedColumns: ["workspace_id", "demo_id"]
          },
          {
            foreignKeyName: "conversation_messages_demo_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "demos"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "conversation_messages_demo_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "public_demos"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "conversation_messages_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      conversion_destinations: {
        Row: {
          connection_id: string
          created_at: string
          destination: Database["public"]["Enums"]["conversion_destination"]
          enabled: boolean
          pixel_id: string
          require_consent: boolean
          test_event_code: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          connection_id: string
          created_at?: string
          destination: Database["public"]["Enums"]["conversion_destination"]
          enabled?: boolean
          pixel_id: string
          require_consent?: boolean
          test_event_code?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          connection_id?: string
          created_at?: string
          destination?: Database["public"]["Enums"]["conversion_destination"]
          enabled?: boolean
          pixel_id?: string
          require_consent?: boolean
          test_event_code?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "conversion_destinations_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "conversion_destinations_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      conversions: {
        Row: {
          created_at: string
          credited_at: string | null
          currency: string
          customer_id: string | null
          id: string
          identity_id: string | null
          occurred_at: string
          order_campaign: string | null
          order_channel: Database["public"]["Enums"]["marketing_channel"]
          order_id: string
          order_medium: string | null
          order_source: string | null
          order_utm_id: string | null
          revenue_cents: number
          updated_at: string
          visitor_id: string | null
          workspace_id: string
        }
        Insert: {
          created_at?: string
          credited_at?: string | null
          currency: string
          customer_id?: string | null
          id?: string
          identity_id?: string | null
          occurred_at: string
          order_campaign?: string | null
          order_channel: Database["public"]["Enums"]["marketing_channel"]
          order_id: string
          order_medium?: string | null
          order_source?: string | null
          order_utm_id?: string | null
          revenue_cents: number
          updated_at?: string
          visitor_id?: string | null
          workspace_id: string
        }
        Update: {
          created_at?: string
          credited_at?: string | null
          currency?: string
          customer_id?: string | null
          id?: string
          identity_id?: string | null
          occurred_at?: string
          order_campaign?: string | null
          order_channel?: Database["public"]["Enums"]["marketing_channel"]
          order_id?: string
          order_medium?: string | null
          order_source?: string | null
          order_utm_id?: string | null
          revenue_cents?: number
          updated_at?: string
          visitor_id?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "conversions_customer_id_fkey"
            columns: ["customer_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "conversions_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "conversions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "conversions_workspace_id_identity_id_fkey"
            columns: ["workspace_id", "identity_id"]
            isOneToOne: false
            referencedRelation: "customer_identities"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      customer_devices: {
        Row: {
          browser: string | null
          created_at: string
          device_type: Database["public"]["Enums"]["device_type"]
          fingerprint: string
          first_seen_at: string
          id: string
          last_seen_at: string
          os: string | null
          updated_at: string
          visitor_id: string
          workspace_id: string
        }
        Insert: {
          browser?: string | null
          created_at?: string
          device_type?: Database["public"]["Enums"]["device_type"]
          fingerprint: string
          first_seen_at?: string
          id?: string
          last_seen_at?: string
          os?: string | null
          updated_at?: string
          visitor_id: string
          workspace_id: string
        }
        Update: {
          browser?: string | null
          created_at?: string
          device_type?: Database["public"]["Enums"]["device_type"]
          fingerprint?: string
          first_seen_at?: string
          id?: string
          last_seen_at?: string
          os?: string | null
          updated_at?: string
          visitor_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "customer_devices_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_devices_workspace_id_visitor_id_fkey"
            columns: ["workspace_id", "visitor_id"]
            isOneToOne: false
            referencedRelation: "visitors"
            referencedColumns: ["workspace_id", "visitor_id"]
          },
        ]
      }
      customer_identities: {
        Row: {
          created_at: string
          customer_id: string
          first_seen_at: string
          id: string
          last_seen_at: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          customer_id: string
          first_seen_at?: string
          id?: string
          last_seen_at?: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          customer_id?: string
          first_seen_at?: string
          id?: string
          last_seen_at?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "customer_identities_customer_id_fkey"
            columns: ["customer_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "customer_identities_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      customers: {
        Row: {
          accepts_marketing: boolean
          created_at: string
          currency: string | null
          email_sha256: string | null
          first_order_at: string | null
          id: string
          last_order_at: string | null
          orders_count: number
          phone_sha256: string | null
          shopify_customer_id: string | null
          source_updated_at: string | null
          total_spent_cents: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          accepts_marketing?: boolean
          created_at?: string
          currency?: string | null
          email_sha256?: string | null
          first_order_at?: string | null
          id?: string
          last_order_at?: string | null
          orders_count?: number
          phone_sha256?: string | null
          shopify_customer_id?: string | null
          source_updated_at?: string | null
          total_spent_cents?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          accepts_marketing?: boolean
          created_at?: string
          currency?: string | null
          email_sha256?: string | null
          first_order_at?: string | null
          id?: string
          last_order_at?: string | null
          orders_count?: number
          phone_sha256?: string | null
          shopify_customer_id?: string | null
          source_updated_at?: string | null
          total_spent_cents?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "customers_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      dashboard_facts: {
        Row: {
          computed_at: string
          created_at: string
          currency: string | null
          dimensions: NonNullable<Json>
          id: number
          metric: string
          period: Database["public"]["Enums"]["fact_period"]
          period_start: string
          source: string | null
          unit: string | null
          value: number
          workspace_id: string
        }
        Insert: {
          computed_at?: string
          created_at?: string
          currency?: string | null
          dimensions?: NonNullable<Json>
          id?: never
          metric: string
          period: Database["public"]["Enums"]["fact_period"]
          period_start: string
          source?: string | null
          unit?: string | null
          value: number
          workspace_id: string
        }
        Update: {
          computed_at?: string
          created_at?: string
          currency?: string | null
          dimensions?: NonNullable<Json>
          id?: never
          metric?: string
          period?: Database["public"]["Enums"]["fact_period"]
          period_start?: string
          source?: string | null
          unit?: string | null
          value?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "dashboard_facts_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      decision_log: {
        Row: {
          actor_id: string | null
          actor_kind: Database["public"]["Enums"]["actor_kind"]
          actor_name: string | null
          created_at: string
          decision: string
          domain: Database["public"]["Enums"]["decision_domain"]
          id: string
          inputs: NonNullable<Json>
          outcome: Json | null
          rationale: string | null
          subject_id: string | null
          subject_table: string | null
          workspace_id: string
        }
        Insert: {
          actor_id?: string | null
          actor_kind?: Database["public"]["Enums"]["actor_kind"]
          actor_name?: string | null
          created_at?: string
          decision: string
          domain: Database["public"]["Enums"]["decision_domain"]
          id?: string
          inputs?: NonNullable<Json>
          outcome?: Json | null
          rationale?: string | null
          subject_id?: string | null
          subject_table?: string | null
          workspace_id: string
        }
        Update: {
          actor_id?: string | null
          actor_kind?: Database["public"]["Enums"]["actor_kind"]
          actor_name?: string | null
          created_at?: string
          decision?: string
          domain?: Database["public"]["Enums"]["decision_domain"]
          id?: string
          inputs?: NonNullable<Json>
          outcome?: Json | null
          rationale?: string | null
          subject_id?: string | null
          subject_table?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "decision_log_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      demo_conversations: {
        Row: {
          analysed_at: string | null
          conversation_id: string
          conversation_url: string | null
          created_at: string
          cta_clicked_at: string | null
          demo_id: string
          ended_at: string | null
          id: string
          last_event_at: string | null
          max_minutes: number | null
          perception_analysis: string | null
          shutdown_reason: string | null
          started_at: string | null
          status: Database["public"]["Enums"]["demo_conversation_status"]
          transcript_ready_at: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          analysed_at?: string | null
          conversation_id: string
          conversation_url?: string | null
          created_at?: string
          cta_clicked_at?: string | null
          demo_id: string
          ended_at?: string | null
          id?: string
          last_event_at?: string | null
          max_minutes?: number | null
          perception_analysis?: string | null
          shutdown_reason?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["demo_conversation_status"]
          transcript_ready_at?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          analysed_at?: string | null
          conversation_id?: string
          conversation_url?: string | null
          created_at?: string
          cta_clicked_at?: string | null
          demo_id?: string
          ended_at?: string | null
          id?: string
          last_event_at?: string | null
          max_minutes?: number | null
          perception_analysis?: string | null
          shutdown_reason?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["demo_conversation_status"]
          transcript_ready_at?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "demo_conversations_workspace_id_demo_id_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "demo_stats"
            referencedColumns: ["workspace_id", "demo_id"]
          },
          {
            foreignKeyName: "demo_conversations_workspace_id_demo_id_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "demos"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "demo_conversations_workspace_id_demo_id_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "public_demos"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "demo_conversations_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      demo_videos: {
        Row: {
          created_at: string
          demo_id: string
          duration_seconds: number | null
          id: string
          order_index: number
          processing_status: Database["public"]["Enums"]["media_processing_status"]
          storage_path: string
          title: string
          transcript: string | null
          updated_at: string
          video_id: string | null
          workspace_id: string
        }
        Insert: {
          created_at?: string
          demo_id: string
          duration_seconds?: number | null
          id?: string
          order_index: number
          processing_status?: Database["public"]["Enums"]["media_processing_status"]
          storage_path: string
          title: string
          transcript?: string | null
          updated_at?: string
          video_id?: string | null
          workspace_id: string
        }
        Update: {
          created_at?: string
          demo_id?: string
          duration_seconds?: number | null
          id?: string
          order_index?: number
          processing_status?: Database["public"]["Enums"]["media_processing_status"]
          storage_path?: string
          title?: string
          transcript?: string | null
          updated_at?: string
          video_id?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "demo_videos_video_fkey"
            columns: ["workspace_id", "video_id"]
            isOneToOne: false
            referencedRelation: "videos"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "demo_videos_workspace_id_demo_id_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "demo_stats"
            referencedColumns: ["workspace_id", "demo_id"]
          },
          {
            foreignKeyName: "demo_videos_workspace_id_demo_id_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "demos"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "demo_videos_workspace_id_demo_id_fkey"
            columns: ["workspace_id", "demo_id"]
            isOneToOne: false
            referencedRelation: "public_demos"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "demo_videos_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      demos: {
        Row: {
          agent_greeting: string
          agent_name: string
          agent_objectives: string[]
          agent_personality: string
          archived_at: string | null
          conversation_minutes_budget: number
          created_at: string
          cta_link: string | null
          cta_text: string | null
          description: string | null
          id: string
          max_conversation_minutes: number
          max_conversations_per_hour: number
          metadata: NonNullable<Json>
          name: string
          published_at: string | null
          status: Database["public"]["Enums"]["demo_status"]
          tavus_persona_id: string | null
          tavus_replica_id: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          agent_greeting?: string
          agent_name?: string
          agent_objectives?: string[]
          agent_personality?: string
          archived_at?: string | null
          conversation_minutes_budget?: number
          created_at?: string
          cta_link?: string | null
          cta_text?: string | null
          description?: string | null
          id?: string
          max_conversation_minutes?: number
          max_conversations_per_hour?: number
          metadata?: NonNullable<Json>
          name: string
          published_at?: string | null
          status?: Database["public"]["Enums"]["demo_status"]
          tavus_persona_id?: string | null
          tavus_replica_id?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          agent_greeting?: string
          agent_name?: string
          agent_objectives?: string[]
          agent_personality?: string
          archived_at?: string | null
          conversation_minutes_budget?: number
          created_at?: string
          cta_link?: string | null
          cta_text?: string | null
          description?: string | null
          id?: string
          max_conversation_minutes?: number
          max_conversations_per_hour?: number
          metadata?: NonNullable<Json>
          name?: string
          published_at?: string | null
          status?: Database["public"]["Enums"]["demo_status"]
          tavus_persona_id?: string | null
          tavus_replica_id?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "demos_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      digital_assets: {
        Row: {
          alt_text: string | null
          campaign_id: string | null
          created_at: string
          created_by: string | null
          duration_seconds: number | null
          height: number | null
          id: string
          kind: Database["public"]["Enums"]["asset_kind"]
          mime_type: string
          name: string
          size_bytes: number
          storage_path: string
          tags: string[]
          updated_at: string
          width: number | null
          workspace_id: string
        }
        Insert: {
          alt_text?: string | null
          campaign_id?: string | null
          created_at?: string
          created_by?: string | null
          duration_seconds?: number | null
          height?: number | null
          id?: string
          kind: Database["public"]["Enums"]["asset_kind"]
          mime_type: string
          name: string
          size_bytes?: number
          storage_path: string
          tags?: string[]
          updated_at?: string
          width?: number | null
          workspace_id: string
        }
        Update: {
          alt_text?: string | null
          campaign_id?: string | null
          created_at?: string
          created_by?: string | null
          duration_seconds?: number | null
          height?: number | null
          id?: string
          kind?: Database["public"]["Enums"]["asset_kind"]
          mime_type?: string
          name?: string
          size_bytes?: number
          storage_path?: string
          tags?: string[]
          updated_at?: string
          width?: number | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "digital_assets_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "digital_assets_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "digital_assets_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      email_automation_rules: {
        Row: {
          active: boolean
          conditions: NonNullable<Json>
          created_at: string
          created_by: string | null
          delay_minutes: number
          id: string
          list_id: string | null
          name: string
          template_id: string | null
          trigger_event: Database["public"]["Enums"]["email_automation_trigger"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          active?: boolean
          conditions?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          delay_minutes?: number
          id?: string
          list_id?: string | null
          name: string
          template_id?: string | null
          trigger_event: Database["public"]["Enums"]["email_automation_trigger"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          active?: boolean
          conditions?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          delay_minutes?: number
          id?: string
          list_id?: string | null
          name?: string
          template_id?: string | null
          trigger_event?: Database["public"]["Enums"]["email_automation_trigger"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_automation_rules_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "email_automation_rules_workspace_id_list_id_fkey"
            columns: ["workspace_id", "list_id"]
            isOneToOne: false
            referencedRelation: "email_lists"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "email_automation_rules_workspace_id_template_id_fkey"
            columns: ["workspace_id", "template_id"]
            isOneToOne: false
            referencedRelation: "email_templates"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      email_campaigns: {
        Row: {
          bounces: number
          campaign_id: string | null
          clicks: number
          complaints: number
          created_at: string
          created_by: string | null
          delivered: number
          from_email: string | null
          from_name: string | null
          id: string
          list_id: string | null
          name: string
          opens: number
          recipients: number
          reply_to: string | null
          scheduled_for: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["email_campaign_status"]
          subject: string | null
          template_id: string | null
          unique_clicks: number
          unique_opens: number
          unsubscribes: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          bounces?: number
          campaign_id?: string | null
          clicks?: number
          complaints?: number
          created_at?: string
          created_by?: string | null
          delivered?: number
          from_email?: string | null
          from_name?: string | null
          id?: string
          list_id?: string | null
          name: string
          opens?: number
          recipients?: number
          reply_to?: string | null
          scheduled_for?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["email_campaign_status"]
          subject?: string | null
          template_id?: string | null
          unique_clicks?: number
          unique_opens?: number
          unsubscribes?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          bounces?: number
          campaign_id?: string | null
          clicks?: number
          complaints?: number
          created_at?: string
          created_by?: string | null
          delivered?: number
          from_email?: string | null
          from_name?: string | null
          id?: string
          list_id?: string | null
          name?: string
          opens?: number
          recipients?: number
          reply_to?: string | null
          scheduled_for?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["email_campaign_status"]
          subject?: string | null
          template_id?: string | null
          unique_clicks?: number
          unique_opens?: number
          unsubscribes?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_campaigns_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "email_campaigns_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "email_campaigns_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "email_campaigns_workspace_id_list_id_fkey"
            columns: ["workspace_id", "list_id"]
            isOneToOne: false
            referencedRelation: "email_lists"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "email_campaigns_workspace_id_template_id_fkey"
            columns: ["workspace_id", "template_id"]
            isOneToOne: false
            referencedRelation: "email_templates"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      email_contacts: {
        Row: {
          attributes: NonNullable<Json>
          created_at: string
          email: string
          first_name: string | null
          id: string
          last_name: string | null
          lead_id: string | null
          source: string | null
          status: Database["public"]["Enums"]["email_contact_status"]
          subscribed_at: string | null
          unsubscribed_at: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          attributes?: NonNullable<Json>
          created_at?: string
          email: string
          first_name?: string | null
          id?: string
          last_name?: string | null
          lead_id?: string | null
          source?: string | null
          status?: Database["public"]["Enums"]["email_contact_status"]
          subscribed_at?: string | null
          unsubscribed_at?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          attributes?: NonNullable<Json>
          created_at?: string
          email?: string
          first_name?: string | null
          id?: string
          last_name?: string | null
          lead_id?: string | null
          source?: string | null
          status?: Database["public"]["Enums"]["email_contact_status"]
          subscribed_at?: string | null
          unsubscribed_at?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_contacts_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "email_contacts_workspace_id_lead_id_fkey"
            columns: ["workspace_id", "lead_id"]
            isOneToOne: false
            referencedRelation: "autopilot_lead_inbox"
            referencedColumns: ["workspace_id", "lead_id"]
          },
          {
            foreignKeyName: "email_contacts_workspace_id_lead_id_fkey"
            columns: ["workspace_id", "lead_id"]
            isOneToOne: false
            referencedRelation: "leads"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      email_list_members: {
        Row: {
          contact_id: string
          created_at: string
          list_id: string
          workspace_id: string
        }
        Insert: {
          contact_id: string
          created_at?: string
          list_id: string
          workspace_id: string
        }
        Update: {
          contact_id?: string
          created_at?: string
          list_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_list_members_workspace_id_contact_id_fkey"
            columns: ["workspace_id", "contact_id"]
            isOneToOne: false
            referencedRelation: "email_contacts"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "email_list_members_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "email_list_members_workspace_id_list_id_fkey"
            columns: ["workspace_id", "list_id"]
            isOneToOne: false
            referencedRelation: "email_lists"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      email_lists: {
        Row: {
          created_at: string
          description: string | null
          id: string
          name: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          description?: string | null
          id?: string
          name: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          description?: string | null
          id?: string
          name?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_lists_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      email_sender_settings: {
        Row: {
          created_at: string
          from_email: string
          from_name: string | null
          reply_to: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          from_email: string
          from_name?: string | null
          reply_to?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          from_email?: string
          from_name?: string | null
          reply_to?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_sender_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      email_suppressions: {
        Row: {
          created_at: string
          detail: string | null
          email: string
          id: string
          reason: Database["public"]["Enums"]["email_suppression_reason"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          detail?: string | null
          email: string
          id?: string
          reason: Database["public"]["Enums"]["email_suppression_reason"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          detail?: string | null
          email?: string
          id?: string
          reason?: Database["public"]["Enums"]["email_suppression_reason"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_suppressions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      email_templates: {
        Row: {
          body_html: string | null
          body_text: string | null
          category: string | null
          created_at: string
          created_by: string | null
          id: string
          name: string
          preheader: string | null
          subject: string
          updated_at: string
          variable_defaults: NonNullable<Json>
          variables: string[]
          workspace_id: string
        }
        Insert: {
          body_html?: string | null
          body_text?: string | null
          category?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          name: string
          preheader?: string | null
          subject: string
          updated_at?: string
          variable_defaults?: NonNullable<Json>
          variables?: string[]
          workspace_id: string
        }
        Update: {
          body_html?: string | null
          body_text?: string | null
          category?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          name?: string
          preheader?: string | null
          subject?: string
          updated_at?: string
          variable_defaults?: NonNullable<Json>
          variables?: string[]
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_templates_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      experiment_assignments: {
        Row: {
          assigned_at: string
          experiment_id: string
          variant_id: string
          visitor_id: string
          workspace_id: string
        }
        Insert: {
          assigned_at?: string
          experiment_id: string
          variant_id: string
          visitor_id: string
          workspace_id: string
        }
        Update: {
          assigned_at?: string
          experiment_id?: string
          variant_id?: string
          visitor_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "experiment_assignments_experiment_id_variant_id_fkey"
            columns: ["experiment_id", "variant_id"]
            isOneToOne: false
            referencedRelation: "experiment_variants"
            referencedColumns: ["experiment_id", "id"]
          },
          {
            foreignKeyName: "experiment_assignments_workspace_id_experiment_id_fkey"
            columns: ["workspace_id", "experiment_id"]
            isOneToOne: false
            referencedRelation: "experiments"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "experiment_assignments_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      experiment_daily_metrics: {
        Row: {
          add_to_carts: number
          converting_visitors: number
          day: string
          experiment_id: string
          exposures: number
          goal_events: number
          new_visitors: number
          purchases: number
          refreshed_at: string
          revenue_cents: number
          variant_id: string
          workspace_id: string
        }
        Insert: {
          add_to_carts?: number
          converting_visitors?: number
          day: string
          experiment_id: string
          exposures?: number
          goal_events?: number
          new_visitors?: number
          purchases?: number
          refreshed_at?: string
          revenue_cents?: number
          variant_id: string
          workspace_id: string
        }
        Update: {
          add_to_carts?: number
          converting_visitors?: number
          day?: string
          experiment_id?: string
          exposures?: number
          goal_events?: number
          new_visitors?: number
          purchases?: number
          refreshed_at?: string
          revenue_cents?: number
          variant_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "experiment_daily_metrics_experiment_id_variant_id_fkey"
            columns: ["experiment_id", "variant_id"]
            isOneToOne: false
            referencedRelation: "experiment_variants"
            referencedColumns: ["experiment_id", "id"]
          },
          {
            foreignKeyName: "experiment_daily_metrics_workspace_id_experiment_id_fkey"
            columns: ["workspace_id", "experiment_id"]
            isOneToOne: false
            referencedRelation: "experiments"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "experiment_daily_metrics_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      experiment_events: {
        Row: {
          created_at: string
          currency: string | null
          event_name: string | null
          event_type: Database["public"]["Enums"]["experiment_event_type"]
          experiment_id: string
          id: number
          occurred_at: string
          order_id: string | null
          value_cents: number | null
          variant_id: string
          visitor_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          currency?: string | null
          event_name?: string | null
          event_type: Database["public"]["Enums"]["experiment_event_type"]
          experiment_id: string
          id?: never
          occurred_at?: string
          order_id?: string | null
          value_cents?: number | null
          variant_id: string
          visitor_id: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          currency?: string | null
          event_name?: string | null
          event_type?: Database["public"]["Enums"]["experiment_event_type"]
          experiment_id?: string
          id?: never
          occurred_at?: string
          order_id?: string | null
          value_cents?: number | null
          variant_id?: string
          visitor_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "experiment_events_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "experiment_events_workspace_id_experiment_id_visitor_id_fkey"
            columns: [
              "workspace_id",
              "experiment_id",
              "visitor_id",
              "variant_id",
            ]
            isOneToOne: false
            referencedRelation: "experiment_assignments"
            referencedColumns: [
              "workspace_id",
              "experiment_id",
              "visitor_id",
              "variant_id",
            ]
          },
          {
            foreignKeyName: "experiment_events_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      experiment_purchases: {
        Row: {
          created_at: string
          currency: string
          experiment_id: string
          order_id: string
          ordered_at: string
          revenue_cents: number
          variant_id: string
          visitor_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          currency: string
          experiment_id: string
          order_id: string
          ordered_at: string
          revenue_cents: number
          variant_id: string
          visitor_id: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          currency?: string
          experiment_id?: string
          order_id?: string
          ordered_at?: string
          revenue_cents?: number
          variant_id?: string
          visitor_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "experiment_purchases_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "experiment_purchases_workspace_id_experiment_id_visitor_id_fkey"
            columns: [
              "workspace_id",
              "experiment_id",
              "visitor_id",
              "variant_id",
            ]
            isOneToOne: false
            referencedRelation: "experiment_assignments"
            referencedColumns: [
              "workspace_id",
              "experiment_id",
              "visitor_id",
              "variant_id",
            ]
          },
          {
            foreignKeyName: "experiment_purchases_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      experiment_results: {
        Row: {
          average_order_value: number | null
          computed_at: string
          conversion_rate: number | null
          conversions: number
          cuped_variance_reduction: number | null
          experiment_id: string
          is_control: boolean
          metric: Database["public"]["Enums"]["experiment_metric"]
          metric_value: number | null
          orders: number
          p_value: number | null
          p_value_adjusted: number | null
          revenue_cents: number
          revenue_per_visitor: number | null
          sequential_lower: number | null
          sequential_p_value: number | null
          sequential_upper: number | null
          significant: boolean
          srm_detected: boolean
          srm_p_value: number | null
          uplift: number | null
          uplift_lower: number | null
          uplift_scale: string | null
          uplift_upper: number | null
          variant_id: string
          variant_key: string
          visitors: number
          workspace_id: string
        }
        Insert: {
          average_order_value?: number | null
          computed_at?: string
          conversion_rate?: number | null
          conversions: number
          cuped_variance_reduction?: number | null
          experiment_id: string
          is_control: boolean
          metric: Database["public"]["Enums"]["experiment_metric"]
          metric_value?: number | null
          orders: number
          p_value?: number | null
          p_value_adjusted?: number | null
          revenue_cents: number
          revenue_per_visitor?: number | null
          sequential_lower?: number | null
          sequential_p_value?: number | null
          sequential_upper?: number | null
          significant?: boolean
          srm_detected?: boolean
          srm_p_value?: number | null
          uplift?: number | null
          uplift_lower?: number | null
          uplift_scale?: string | null
          uplift_upper?: number | null
          variant_id: string
          variant_key: string
          visitors: number
          workspace_id: string
        }
        Update: {
          average_order_value?: number | null
          computed_at?: string
          conversion_rate?: number | null
          conversions?: number
          cuped_variance_reduction?: number | null
          experiment_id?: string
          is_control?: boolean
          metric?: Database["public"]["Enums"]["experiment_metric"]
          metric_value?: number | null
          orders?: number
          p_value?: number | null
          p_value_adjusted?: number | null
          revenue_cents?: number
          revenue_per_visitor?: number | null
          sequential_lower?: number | null
          sequential_p_value?: number | null
          sequential_upper?: number | null
          significant?: boolean
          srm_detected?: boolean
          srm_p_value?: number | null
          uplift?: number | null
          uplift_lower?: number | null
          uplift_scale?: string | null
          uplift_upper?: number | null
          variant_id?: string
          variant_key?: string
          visitors?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "experiment_results_experiment_id_variant_id_fkey"
            columns: ["experiment_id", "variant_id"]
            isOneToOne: true
            referencedRelation: "experiment_variants"
            referencedColumns: ["experiment_id", "id"]
          },
          {
            foreignKeyName: "experiment_results_workspace_id_experiment_id_fkey"
            columns: ["workspace_id", "experiment_id"]
            isOneToOne: false
            referencedRelation: "experiments"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "experiment_results_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      experiment_variants: {
        Row: {
          config: NonNullable<Json>
          created_at: string
          experiment_id: string
          id: string
          is_control: boolean
          key: string
          name: string
          updated_at: string
          url: string | null
          weight: number
          workspace_id: string
        }
        Insert: {
          config?: NonNullable<Json>
          created_at?: string
          experiment_id: string
          id?: string
          is_control?: boolean
          key: string
          name: string
          updated_at?: string
          url?: string | null
          weight: number
          workspace_id: string
        }
        Update: {
          config?: NonNullable<Json>
          created_at?: string
          experiment_id?: string
          id?: string
          is_control?: boolean
          key?: string
          name?: string
          updated_at?: string
          url?: string | null
          weight?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "experiment_variants_workspace_id_experiment_id_fkey"
            columns: ["workspace_id", "experiment_id"]
            isOneToOne: false
            referencedRelation: "experiments"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "experiment_variants_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      experiments: {
        Row: {
          confidence_level: number
          created_at: string
          created_by: string | null
          cuped_enabled: boolean
          cuped_lookback_days: number
          ended_at: string | null
          goal_event: string
          hypothesis: string | null
          id: string
          key: string
          name: string
          primary_metric: Database["public"]["Enums"]["experiment_metric"]
          sequential_testing: boolean
          sequential_tuning: number
          started_at: string | null
          status: Database["public"]["Enums"]["experiment_status"]
          targeting_rules: NonNullable<Json>
          traffic_percentage: number
          updated_at: string
          winner_variant_id: string | null
          workspace_id: string
        }
        Insert: {
          confidence_level?: number
          created_at?: string
          created_by?: string | null
          cuped_enabled?: boolean
          cuped_lookback_days?: number
          ended_at?: string | null
          goal_event?: string
          hypothesis?: string | null
          id?: string
          key: string
          name: string
          primary_metric?: Database["public"]["Enums"]["experiment_metric"]
          sequential_testing?: boolean
          sequential_tuning?: number
          started_at?: string | null
          status?: Database["public"]["Enums"]["experiment_status"]
          targeting_rules?: NonNullable<Json>
          traffic_percentage?: number
          updated_at?: string
          winner_variant_id?: string | null
          workspace_id: string
        }
        Update: {
          confidence_level?: number
          created_at?: string
          created_by?: string | null
          cuped_enabled?: boolean
          cuped_lookback_days?: number
          ended_at?: string | null
          goal_event?: string
          hypothesis?: string | null
          id?: string
          key?: string
          name?: string
          primary_metric?: Database["public"]["Enums"]["experiment_metric"]
          sequential_testing?: boolean
          sequential_tuning?: number
          started_at?: string | null
          status?: Database["public"]["Enums"]["experiment_status"]
          targeting_rules?: NonNullable<Json>
          traffic_percentage?: number
          updated_at?: string
          winner_variant_id?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "experiments_winner_is_a_variant"
            columns: ["id", "winner_variant_id"]
            isOneToOne: false
            referencedRelation: "experiment_variants"
            referencedColumns: ["experiment_id", "id"]
          },
          {
            foreignKeyName: "experiments_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      feature_tours: {
        Row: {
          completed_at: string | null
          created_at: string
          current_step: number
          dismissed_at: string | null
          id: string
          interactions: number
          last_shown_at: string | null
          status: Database["public"]["Enums"]["tour_status"]
          steps: NonNullable<Json>
          times_shown: number
          tour_key: string
          tour_name: string
          updated_at: string
          user_id: string
        }
        Insert: {
          completed_at?: string | null
          created_at?: string
          current_step?: number
          dismissed_at?: string | null
          id?: string
          interactions?: number
          last_shown_at?: string | null
          status?: Database["public"]["Enums"]["tour_status"]
          steps?: NonNullable<Json>
          times_shown?: number
          tour_key: string
          tour_name: string
          updated_at?: string
          user_id?: string
        }
        Update: {
          completed_at?: string | null
          created_at?: string
          current_step?: number
          dismissed_at?: string | null
          id?: string
          interactions?: number
          last_shown_at?: string | null
          status?: Database["public"]["Enums"]["tour_status"]
          steps?: NonNullable<Json>
          times_shown?: number
          tour_key?: string
          tour_name?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: []
      }
      generated_content: {
        Row: {
          body: string
          campaign_id: string | null
          channel: Database["public"]["Enums"]["marketing_channel"] | null
          content_type: Database["public"]["Enums"]["generated_content_type"]
          cost_micros: number
          created_at: string
          created_by: string | null
          id: string
          metadata: NonNullable<Json>
          model: string | null
          prompt: string | null
          run_id: string | null
          status: Database["public"]["Enums"]["content_status"]
          title: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          body: string
          campaign_id?: string | null
          channel?: Database["public"]["Enums"]["marketing_channel"] | null
          content_type: Database["public"]["Enums"]["generated_content_type"]
          cost_micros?: number
          created_at?: string
          created_by?: string | null
          id?: string
          metadata?: NonNullable<Json>
          model?: string | null
          prompt?: string | null
          run_id?: string | null
          status?: Database["public"]["Enums"]["content_status"]
          title?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          body?: string
          campaign_id?: string | null
          channel?: Database["public"]["Enums"]["marketing_channel"] | null
          content_type?: Database["public"]["Enums"]["generated_content_type"]
          cost_micros?: number
          created_at?: string
          created_by?: string | null
          id?: string
          metadata?: NonNullable<Json>
          model?: string | null
          prompt?: string | null
          run_id?: string | null
          status?: Database["public"]["Enums"]["content_status"]
          title?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "generated_content_run_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "agent_runs"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "generated_content_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "generated_content_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "generated_content_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      gift_card_emails: {
        Row: {
          attempts: number
          created_at: string
          id: string
          last_error: string | null
          provider_message_id: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["email_delivery_status"]
          transaction_id: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          attempts?: number
          created_at?: string
          id?: string
          last_error?: string | null
          provider_message_id?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["email_delivery_status"]
          transaction_id: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          attempts?: number
          created_at?: string
          id?: string
          last_error?: string | null
          provider_message_id?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["email_delivery_status"]
          transaction_id?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "gift_card_emails_transaction_id_fkey"
            columns: ["transaction_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "gift_card_transactions"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "gift_card_emails_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      gift_card_products: {
        Row: {
          active: boolean
          amount_cents: number
          created_at: string
          currency: string
          id: string
          min_order_subtotal_cents: number
          shopify_product_id: string
          shopify_variant_id: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          active?: boolean
          amount_cents: number
          created_at?: string
          currency?: string
          id?: string
          min_order_subtotal_cents?: number
          shopify_product_id: string
          shopify_variant_id: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          active?: boolean
          amount_cents?: number
          created_at?: string
          currency?: string
          id?: string
          min_order_subtotal_cents?: number
          shopify_product_id?: string
          shopify_variant_id?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "gift_card_products_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      gift_card_transactions: {
        Row: {
          amount_cents: number
          code_last_characters: string | null
          created_at: string
          currency: string
          gift_card_product_id: string | null
          id: string
          issued_at: string | null
          last_error: string | null
          order_id: string | null
          shopify_gift_card_id: string | null
          shopify_order_id: string | null
          source: Database["public"]["Enums"]["gift_card_source"]
          status: Database["public"]["Enums"]["gift_card_status"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          amount_cents: number
          code_last_characters?: string | null
          created_at?: string
          currency: string
          gift_card_product_id?: string | null
          id?: string
          issued_at?: string | null
          last_error?: string | null
          order_id?: string | null
          shopify_gift_card_id?: string | null
          shopify_order_id?: string | null
          source: Database["public"]["Enums"]["gift_card_source"]
          status?: Database["public"]["Enums"]["gift_card_status"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          amount_cents?: number
          code_last_characters?: string | null
          created_at?: string
          currency?: string
          gift_card_product_id?: string | null
          id?: string
          issued_at?: string | null
          last_error?: string | null
          order_id?: string | null
          shopify_gift_card_id?: string | null
          shopify_order_id?: string | null
          source?: Database["public"]["Enums"]["gift_card_source"]
          status?: Database["public"]["Enums"]["gift_card_status"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "gift_card_transactions_gift_card_product_id_fkey"
            columns: ["gift_card_product_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "gift_card_products"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "gift_card_transactions_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "gift_card_transactions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      integration_connections: {
        Row: {
          connected_by: string | null
          consecutive_failures: number
          created_at: string
          expires_at: string | null
          external_account_id: string
          health: Database["public"]["Enums"]["connection_health"]
          health_changed_at: string | null
          id: string
          last_error: string | null
          last_failure_at: string | null
          last_refreshed_at: string | null
          last_success_at: string | null
          metadata: NonNullable<Json>
          provider: Database["public"]["Enums"]["integration_provider"]
          scopes: string[]
          status: Database["public"]["Enums"]["connection_status"]
          throttled_until: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          connected_by?: string | null
          consecutive_failures?: number
          created_at?: string
          expires_at?: string | null
          external_account_id: string
          health?: Database["public"]["Enums"]["connection_health"]
          health_changed_at?: string | null
          id?: string
          last_error?: string | null
          last_failure_at?: string | null
          last_refreshed_at?: string | null
          last_success_at?: string | null
          metadata?: NonNullable<Json>
          provider: Database["public"]["Enums"]["integration_provider"]
          scopes?: string[]
          status?: Database["public"]["Enums"]["connection_status"]
          throttled_until?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          connected_by?: string | null
          consecutive_failures?: number
          created_at?: string
          expires_at?: string | null
          external_account_id?: string
          health?: Database["public"]["Enums"]["connection_health"]
          health_changed_at?: string | null
          id?: string
          last_error?: string | null
          last_failure_at?: string | null
          last_refreshed_at?: string | null
          last_success_at?: string | null
          metadata?: NonNullable<Json>
          provider?: Database["public"]["Enums"]["integration_provider"]
          scopes?: string[]
          status?: Database["public"]["Enums"]["connection_status"]
          throttled_until?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "integration_connections_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      inventory_levels: {
        Row: {
          available: number
          created_at: string
          id: string
          location_name: string | null
          on_hand: number | null
          product_id: string | null
          shopify_inventory_item_id: string
          shopify_location_id: string
          source_updated_at: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          available: number
          created_at?: string
          id?: string
          location_name?: string | null
          on_hand?: number | null
          product_id?: string | null
          shopify_inventory_item_id: string
          shopify_location_id: string
          source_updated_at?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          available?: number
          created_at?: string
          id?: string
          location_name?: string | null
          on_hand?: number | null
          product_id?: string | null
          shopify_inventory_item_id?: string
          shopify_location_id?: string
          source_updated_at?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "inventory_levels_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inventory_levels_workspace_id_product_id_fkey"
            columns: ["workspace_id", "product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      inventory_settings: {
        Row: {
          created_at: string
          demand_window_days: number
          service_level_z: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          demand_window_days?: number
          service_level_z?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          demand_window_days?: number
          service_level_z?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "inventory_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      inventory_snapshots: {
        Row: {
          available: number | null
          created_at: string
          day: string
          id: number
          incoming: number
          location: string
          on_hand: number
          product_id: string
          workspace_id: string
        }
        Insert: {
          available?: number | null
          created_at?: string
          day: string
          id?: never
          incoming?: number
          location?: string
          on_hand: number
          product_id: string
          workspace_id: string
        }
        Update: {
          available?: number | null
          created_at?: string
          day?: string
          id?: never
          incoming?: number
          location?: string
          on_hand?: number
          product_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "inventory_snapshots_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inventory_snapshots_workspace_id_product_id_fkey"
            columns: ["workspace_id", "product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      keyword_research: {
        Row: {
          competition: number | null
          cpc_cents: number | null
          created_at: string
          created_by: string | null
          currency: string | null
          difficulty: number | null
          id: string
          intent: Database["public"]["Enums"]["search_intent"] | null
          keyword: string
          locale: string
          monthly_volumes: NonNullable<Json>
          notes: string | null
          related_keywords: string[]
          researched_at: string
          search_volume: number | null
          source: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          competition?: number | null
          cpc_cents?: number | null
          created_at?: string
          created_by?: string | null
          currency?: string | null
          difficulty?: number | null
          id?: string
          intent?: Database["public"]["Enums"]["search_intent"] | null
          keyword: string
          locale?: string
          monthly_volumes?: NonNullable<Json>
          notes?: string | null
          related_keywords?: string[]
          researched_at?: string
          search_volume?: number | null
          source?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          competition?: number | null
          cpc_cents?: number | null
          created_at?: string
          created_by?: string | null
          currency?: string | null
          difficulty?: number | null
          id?: string
          intent?: Database["public"]["Enums"]["search_intent"] | null
          keyword?: string
          locale?: string
          monthly_volumes?: NonNullable<Json>
          notes?: string | null
          related_keywords?: string[]
          researched_at?: string
          search_volume?: number | null
          source?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "keyword_research_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      klaviyo_sync_states: {
        Row: {
          connection_id: string
          created_at: string
          events_sent: number
          last_synced_at: string | null
          orders_cursor: string | null
          orders_cursor_id: string | null
          profiles_cursor: string | null
          profiles_cursor_id: string | null
          profiles_synced: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          connection_id: string
          created_at?: string
          events_sent?: number
          last_synced_at?: string | null
          orders_cursor?: string | null
          orders_cursor_id?: string | null
          profiles_cursor?: string | null
          profiles_cursor_id?: string | null
          profiles_synced?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          connection_id?: string
          created_at?: string
          events_sent?: number
          last_synced_at?: string | null
          orders_cursor?: string | null
          orders_cursor_id?: string | null
          profiles_cursor?: string | null
          profiles_cursor_id?: string | null
          profiles_synced?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "klaviyo_sync_states_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "klaviyo_sync_states_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      knowledge_access_logs: {
        Row: {
          caller_role: string
          collection_ids: string[] | null
          created_at: string
          embedding_model: Database["public"]["Enums"]["embedding_model"] | null
          id: number
          latency_ms: number
          mode: Database["public"]["Enums"]["knowledge_search_mode"]
          query_sha256: string
          result_chunk_ids: string[]
          result_count: number | null
          strategy:
            | Database["public"]["Enums"]["knowledge_search_strategy"]
            | null
          user_id: string | null
          via: string
          workspace_id: string
        }
        Insert: {
          caller_role: string
          collection_ids?: string[] | null
          created_at?: string
          embedding_model?:
            | Database["public"]["Enums"]["embedding_model"]
            | null
          id?: never
          latency_ms: number
          mode: Database["public"]["Enums"]["knowledge_search_mode"]
          query_sha256: string
          result_chunk_ids?: string[]
          result_count?: never
          strategy?:
            | Database["public"]["Enums"]["knowledge_search_strategy"]
            | null
          user_id?: string | null
          via: string
          workspace_id: string
        }
        Update: {
          caller_role?: string
          collection_ids?: string[] | null
          created_at?: string
          embedding_model?:
            | Database["public"]["Enums"]["embedding_model"]
            | null
          id?: never
          latency_ms?: number
          mode?: Database["public"]["Enums"]["knowledge_search_mode"]
          query_sha256?: string
          result_chunk_ids?: string[]
          result_count?: never
          strategy?:
            | Database["public"]["Enums"]["knowledge_search_strategy"]
            | null
          user_id?: string | null
          via?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "knowledge_access_logs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      knowledge_chunks: {
        Row: {
          answer: string | null
          chunk_index: number
          collection_id: string
          content: string
          content_sha256: string
          created_at: string
          document_id: string
          embedded_at: string | null
          embedding: string | null
          embedding_model: Database["public"]["Enums"]["embedding_model"] | null
          fts: unknown
          id: string
          metadata: NonNullable<Json>
          question: string | null
          source: string | null
          token_count: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          answer?: string | null
          chunk_index: number
          collection_id: string
          content: string
          content_sha256: string
          created_at?: string
          document_id: string
          embedded_at?: string | null
          embedding?: string | null
          embedding_model?:
            | Database["public"]["Enums"]["embedding_model"]
            | null
          fts?: never
          id?: string
          metadata?: NonNullable<Json>
          question?: string | null
          source?: string | null
          token_count?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          answer?: string | null
          chunk_index?: number
          collection_id?: string
          content?: string
          content_sha256?: string
          created_at?: string
          document_id?: string
          embedded_at?: string | null
          embedding?: string | null
          embedding_model?:
            | Database["public"]["Enums"]["embedding_model"]
            | null
          fts?: never
          id?: string
          metadata?: NonNullable<Json>
          question?: string | null
          source?: string | null
          token_count?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "knowledge_chunks_collection_id_fkey"
            columns: ["collection_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "knowledge_collections"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "knowledge_chunks_workspace_id_document_id_fkey"
            columns: ["workspace_id", "document_id"]
            isOneToOne: false
            referencedRelation: "knowledge_documents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "knowledge_chunks_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      knowledge_collections: {
        Row: {
          created_at: string
          created_by: string | null
          description: string | null
          embedding_model: Database["public"]["Enums"]["embedding_model"] | null
          id: string
          metadata: NonNullable<Json>
          name: string
          owner_id: string | null
          scope: Database["public"]["Enums"]["knowledge_scope"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          description?: string | null
          embedding_model?:
            | Database["public"]["Enums"]["embedding_model"]
            | null
          id?: string
          metadata?: NonNullable<Json>
          name: string
          owner_id?: string | null
          scope?: Database["public"]["Enums"]["knowledge_scope"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          description?: string | null
          embedding_model?:
            | Database["public"]["Enums"]["embedding_model"]
            | null
          id?: string
          metadata?: NonNullable<Json>
          name?: string
          owner_id?: string | null
          scope?: Database["public"]["Enums"]["knowledge_scope"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "knowledge_collections_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      knowledge_documents: {
        Row: {
          chunk_count: number
          collection_id: string
          content: string | null
          content_sha256: string | null
          created_at: string
          created_by: string | null
          document_key: string
          document_type: string | null
          error: string | null
          id: string
          is_current: boolean
          metadata: NonNullable<Json>
          previous_version_id: string | null
          source_type: Database["public"]["Enums"]["knowledge_source_type"]
          source_uri: string | null
          status: Database["public"]["Enums"]["knowledge_document_status"]
          storage_path: string | null
          tags: string[]
          title: string | null
          updated_at: string
          version: number
          workspace_id: string
        }
        Insert: {
          chunk_count?: number
          collection_id: string
          content?: string | null
          content_sha256?: string | null
          created_at?: string
          created_by?: string | null
          document_key: string
          document_type?: string | null
          error?: string | null
          id?: string
          is_current?: boolean
          metadata?: NonNullable<Json>
          previous_version_id?: string | null
          source_type?: Database["public"]["Enums"]["knowledge_source_type"]
          source_uri?: string | null
          status?: Database["public"]["Enums"]["knowledge_document_status"]
          storage_path?: string | null
          tags?: string[]
          title?: string | null
          updated_at?: string
          version?: number
          workspace_id: string
        }
        Update: {
          chunk_count?: number
          collection_id?: string
          content?: string | null
          content_sha256?: string | null
          created_at?: string
          created_by?: string | null
          document_key?: string
          document_type?: string | null
          error?: string | null
          id?: string
          is_current?: boolean
          metadata?: NonNullable<Json>
          previous_version_id?: string | null
          source_type?: Database["public"]["Enums"]["knowledge_source_type"]
          source_uri?: string | null
          status?: Database["public"]["Enums"]["knowledge_document_status"]
          storage_path?: string | null
          tags?: string[]
          title?: string | null
          updated_at?: string
          version?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "knowledge_documents_previous_version_id_fkey"
            columns: ["previous_version_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "knowledge_documents"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "knowledge_documents_workspace_id_collection_id_fkey"
            columns: ["workspace_id", "collection_id"]
            isOneToOne: false
            referencedRelation: "knowledge_collections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "knowledge_documents_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      lead_activities: {
        Row: {
          activity_data: NonNullable<Json>
          activity_type: Database["public"]["Enums"]["lead_activity_type"]
          created_at: string
          created_by: string | null
          id: number
          lead_id: string
          occurred_at: string
          workspace_id: string
        }
        Insert: {
          activity_data?: NonNullable<Json>
          activity_type: Database["public"]["Enums"]["lead_activity_type"]
          created_at?: string
          created_by?: string | null
          id?: never
          lead_id: string
          occurred_at?: string
          workspace_id: string
        }
        Update: {
          activity_data?: NonNullable<Json>
          activity_type?: Database["public"]["Enums"]["lead_activity_type"]
          created_at?: string
          created_by?: string | null
          id?: never
          lead_id?: string
          occurred_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "lead_activities_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "lead_activities_workspace_id_lead_id_fkey"
            columns: ["workspace_id", "lead_id"]
            isOneToOne: false
            referencedRelation: "autopilot_lead_inbox"
            referencedColumns: ["workspace_id", "lead_id"]
          },
          {
            foreignKeyName: "lead_activities_workspace_id_lead_id_fkey"
            columns: ["workspace_id", "lead_id"]
            isOneToOne: false
            referencedRelation: "leads"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      lead_scoring_rules: {
        Row: {
          active: boolean
          activity_type:
            | Database["public"]["Enums"]["lead_activity_type"]
            | null
          conditions: NonNullable<Json>
          created_at: string
          created_by: string | null
          description: string | null
          id: string
          max_occurrences: number | null
          name: string
          points: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          active?: boolean
          activity_type?:
            | Database["public"]["Enums"]["lead_activity_type"]
            | null
          conditions?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          max_occurrences?: number | null
          name: string
          points: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          active?: boolean
          activity_type?:
            | Database["public"]["Enums"]["lead_activity_type"]
            | null
          conditions?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          max_occurrences?: number | null
          name?: string
          points?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "lead_scoring_rules_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      leads: {
        Row: {
          campaign_id: string | null
          company: string | null
          converted_at: string | null
          created_at: string
          created_by: string | null
          custom_fields: NonNullable<Json>
          email: string | null
          first_name: string | null
          id: string
          job_title: string | null
          last_activity_at: string | null
          last_name: string | null
          notes: string | null
          owner_id: string | null
          phone: string | null
          score: number
          score_updated_at: string | null
          source: Database["public"]["Enums"]["lead_source"]
          status: Database["public"]["Enums"]["lead_status"]
          tags: string[]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          campaign_id?: string | null
          company?: string | null
          converted_at?: string | null
          created_at?: string
          created_by?: string | null
          custom_fields?: NonNullable<Json>
          email?: string | null
          first_name?: string | null
          id?: string
          job_title?: string | null
          last_activity_at?: string | null
          last_name?: string | null
          notes?: string | null
          owner_id?: string | null
          phone?: string | null
          score?: number
          score_updated_at?: string | null
          source?: Database["public"]["Enums"]["lead_source"]
          status?: Database["public"]["Enums"]["lead_status"]
          tags?: string[]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          campaign_id?: string | null
          company?: string | null
          converted_at?: string | null
          created_at?: string
          created_by?: string | null
          custom_fields?: NonNullable<Json>
          email?: string | null
          first_name?: string | null
          id?: string
          job_title?: string | null
          last_activity_at?: string | null
          last_name?: string | null
          notes?: string | null
          owner_id?: string | null
          phone?: string | null
          score?: number
          score_updated_at?: string | null
          source?: Database["public"]["Enums"]["lead_source"]
          status?: Database["public"]["Enums"]["lead_status"]
          tags?: string[]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "leads_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "leads_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "leads_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      meeting_transcripts: {
        Row: {
          action_items: NonNullable<Json>
          created_at: string
          created_by: string | null
          duration_seconds: number | null
          id: string
          key_insights: string[]
          meeting_at: string | null
          participants: string[]
          slack_channel_id: string | null
          title: string
          transcript_text: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          action_items?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          duration_seconds?: number | null
          id?: string
          key_insights?: string[]
          meeting_at?: string | null
          participants?: string[]
          slack_channel_id?: string | null
          title: string
          transcript_text: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          action_items?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          duration_seconds?: number | null
          id?: string
          key_insights?: string[]
          meeting_at?: string | null
          participants?: string[]
          slack_channel_id?: string | null
          title?: string
          transcript_text?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "meeting_transcripts_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "meeting_transcripts_workspace_id_slack_channel_id_fkey"
            columns: ["workspace_id", "slack_channel_id"]
            isOneToOne: false
            referencedRelation: "slack_channels"
            referencedColumns: ["workspace_id", "slack_channel_id"]
          },
        ]
      }
      onboarding_progress: {
        Row: {
          attempts: number
          completed_at: string | null
          created_at: string
          id: string
          metadata: NonNullable<Json>
          started_at: string | null
          status: Database["public"]["Enums"]["onboarding_status"]
          step_key: string
          step_order: number
          time_spent_seconds: number
          updated_at: string
          user_id: string
          workspace_id: string
        }
        Insert: {
          attempts?: number
          completed_at?: string | null
          created_at?: string
          id?: string
          metadata?: NonNullable<Json>
          started_at?: string | null
          status?: Database["public"]["Enums"]["onboarding_status"]
          step_key: string
          step_order?: number
          time_spent_seconds?: number
          updated_at?: string
          user_id?: string
          workspace_id: string
        }
        Update: {
          attempts?: number
          completed_at?: string | null
          created_at?: string
          id?: string
          metadata?: NonNullable<Json>
          started_at?: string | null
          status?: Database["public"]["Enums"]["onboarding_status"]
          step_key?: string
          step_order?: number
          time_spent_seconds?: number
          updated_at?: string
          user_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "onboarding_progress_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ops_alerts: {
        Row: {
          acknowledged_at: string | null
          acknowledged_by: string | null
          alert_type: string
          created_at: string
          created_by: string | null
          dedupe_key: string | null
          details: NonNullable<Json>
          error_id: string | null
          id: string
          message: string | null
          resolved_at: string | null
          resolved_by: string | null
          severity: Database["public"]["Enums"]["ops_severity"]
          slack_channel_id: string | null
          slack_message_ts: string | null
          source: string | null
          status: Database["public"]["Enums"]["ops_alert_status"]
          title: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          acknowledged_at?: string | null
          acknowledged_by?: string | null
          alert_type: string
          created_at?: string
          created_by?: string | null
          dedupe_key?: string | null
          details?: NonNullable<Json>
          error_id?: string | null
          id?: string
          message?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
          severity?: Database["public"]["Enums"]["ops_severity"]
          slack_channel_id?: string | null
          slack_message_ts?: string | null
          source?: string | null
          status?: Database["public"]["Enums"]["ops_alert_status"]
          title: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          acknowledged_at?: string | null
          acknowledged_by?: string | null
          alert_type?: string
          created_at?: string
          created_by?: string | null
          dedupe_key?: string | null
          details?: NonNullable<Json>
          error_id?: string | null
          id?: string
          message?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
          severity?: Database["public"]["Enums"]["ops_severity"]
          slack_channel_id?: string | null
          slack_message_ts?: string | null
          source?: string | null
          status?: Database["public"]["Enums"]["ops_alert_status"]
          title?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ops_alerts_workspace_id_error_id_fkey"
            columns: ["workspace_id", "error_id"]
            isOneToOne: false
            referencedRelation: "ops_errors"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ops_alerts_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ops_errors: {
        Row: {
          created_at: string
          error_type: string
          fingerprint: string
          first_seen_at: string
          id: string
          last_context: NonNullable<Json>
          last_seen_at: string
          message: string
          occurrence_count: number
          resolved_at: string | null
          resolved_by: string | null
          severity: Database["public"]["Enums"]["ops_severity"]
          source: string
          stack: string | null
          status: Database["public"]["Enums"]["ops_error_status"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          error_type: string
          fingerprint: string
          first_seen_at?: string
          id?: string
          last_context?: NonNullable<Json>
          last_seen_at?: string
          message: string
          occurrence_count?: number
          resolved_at?: string | null
          resolved_by?: string | null
          severity?: Database["public"]["Enums"]["ops_severity"]
          source: string
          stack?: string | null
          status?: Database["public"]["Enums"]["ops_error_status"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          error_type?: string
          fingerprint?: string
          first_seen_at?: string
          id?: string
          last_context?: NonNullable<Json>
          last_seen_at?: string
          message?: string
          occurrence_count?: number
          resolved_at?: string | null
          resolved_by?: string | null
          severity?: Database["public"]["Enums"]["ops_severity"]
          source?: string
          stack?: string | null
          status?: Database["public"]["Enums"]["ops_error_status"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ops_errors_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ops_health_checks: {
        Row: {
          consecutive_failures: number
          created_at: string
          details: NonNullable<Json>
          id: string
          last_checked_at: string | null
          last_failure_at: string | null
          last_success_at: string | null
          message: string | null
          response_time_ms: number | null
          service: string
          status: Database["public"]["Enums"]["health_status"]
          status_changed_at: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          consecutive_failures?: number
          created_at?: string
          details?: NonNullable<Json>
          id?: string
          last_checked_at?: string | null
          last_failure_at?: string | null
          last_success_at?: string | null
          message?: string | null
          response_time_ms?: number | null
          service: string
          status?: Database["public"]["Enums"]["health_status"]
          status_changed_at?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          consecutive_failures?: number
          created_at?: string
          details?: NonNullable<Json>
          id?: string
          last_checked_at?: string | null
          last_failure_at?: string | null
          last_success_at?: string | null
          message?: string | null
          response_time_ms?: number | null
          service?: string
          status?: Database["public"]["Enums"]["health_status"]
          status_changed_at?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ops_health_checks_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ops_incidents: {
        Row: {
          alert_id: string | null
          commander_id: string | null
          created_at: string
          created_by: string | null
          id: string
          identified_at: string | null
          impact: string | null
          resolved_at: string | null
          root_cause: string | null
          severity: Database["public"]["Enums"]["ops_severity"]
          started_at: string
          status: Database["public"]["Enums"]["incident_status"]
          summary: string | null
          timeline: NonNullable<Json>
          title: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          alert_id?: string | null
          commander_id?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          identified_at?: string | null
          impact?: string | null
          resolved_at?: string | null
          root_cause?: string | null
          severity?: Database["public"]["Enums"]["ops_severity"]
          started_at?: string
          status?: Database["public"]["Enums"]["incident_status"]
          summary?: string | null
          timeline?: NonNullable<Json>
          title: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          alert_id?: string | null
          commander_id?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          identified_at?: string | null
          impact?: string | null
          resolved_at?: string | null
          root_cause?: string | null
          severity?: Database["public"]["Enums"]["ops_severity"]
          started_at?: string
          status?: Database["public"]["Enums"]["incident_status"]
          summary?: string | null
          timeline?: NonNullable<Json>
          title?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ops_incidents_workspace_id_alert_id_fkey"
            columns: ["workspace_id", "alert_id"]
            isOneToOne: false
            referencedRelation: "ops_alerts"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "ops_incidents_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ops_logs: {
        Row: {
          created_at: string
          id: number
          level: Database["public"]["Enums"]["log_level"]
          logged_at: string
          message: string
          metadata: NonNullable<Json>
          request_id: string | null
          source: string
          user_id: string | null
          workspace_id: string
        }
        Insert: {
          created_at?: string
          id?: never
          level: Database["public"]["Enums"]["log_level"]
          logged_at?: string
          message: string
          metadata?: NonNullable<Json>
          request_id?: string | null
          source: string
          user_id?: string | null
          workspace_id: string
        }
        Update: {
          created_at?: string
          id?: never
          level?: Database["public"]["Enums"]["log_level"]
          logged_at?: string
          message?: string
          metadata?: NonNullable<Json>
          request_id?: string | null
          source?: string
          user_id?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ops_logs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ops_settings: {
        Row: {
          created_at: string
          log_retention_days: number
          resolved_error_retention_days: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          log_retention_days?: number
          resolved_error_retention_days?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          log_retention_days?: number
          resolved_error_retention_days?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "ops_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      order_line_items: {
        Row: {
          created_at: string
          id: string
          order_id: string
          price_cents: number
          product_id: string | null
          quantity: number
          shopify_product_id: string | null
          shopify_variant_id: string | null
          sku: string | null
          title: string | null
          workspace_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          order_id: string
          price_cents?: number
          product_id?: string | null
          quantity: number
          shopify_product_id?: string | null
          shopify_variant_id?: string | null
          sku?: string | null
          title?: string | null
          workspace_id: string
        }
        Update: {
          created_at?: string
          id?: string
          order_id?: string
          price_cents?: number
          product_id?: string | null
          quantity?: number
          shopify_product_id?: string | null
          shopify_variant_id?: string | null
          sku?: string | null
          title?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "order_line_items_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "order_line_items_product_id_fkey"
            columns: ["product_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "order_line_items_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      orders: {
        Row: {
          cancelled_at: string | null
          created_at: string
          currency: string
          customer_id: string | null
          email_sha256: string | null
          fbclid: string | null
          financial_status: Database["public"]["Enums"]["order_financial_status"]
          fulfillment_status: Database["public"]["Enums"]["order_fulfillment_status"]
          gclid: string | null
          id: string
          landing_site: string | null
          order_number: string | null
          processed_at: string
          referring_site: string | null
          shopify_order_id: string
          source_name: string | null
          source_updated_at: string | null
          subtotal_cents: number
          total_discounts_cents: number
          total_price_cents: number
          total_refunded_cents: number
          total_shipping_cents: number
          total_tax_cents: number
          ttclid: string | null
          updated_at: string
          utm_campaign: string | null
          utm_content: string | null
          utm_medium: string | null
          utm_source: string | null
          utm_term: string | null
          visitor_id: string | null
          workspace_id: string
        }
        Insert: {
          cancelled_at?: string | null
          created_at?: string
          currency: string
          customer_id?: string | null
          email_sha256?: string | null
          fbclid?: string | null
          financial_status?: Database["public"]["Enums"]["order_financial_status"]
          fulfillment_status?: Database["public"]["Enums"]["order_fulfillment_status"]
          gclid?: string | null
          id?: string
          landing_site?: string | null
          order_number?: string | null
          processed_at: string
          referring_site?: string | null
          shopify_order_id: string
          source_name?: string | null
          source_updated_at?: string | null
          subtotal_cents?: number
          total_discounts_cents?: number
          total_price_cents: number
          total_refunded_cents?: number
          total_shipping_cents?: number
          total_tax_cents?: number
          ttclid?: string | null
          updated_at?: string
          utm_campaign?: string | null
          utm_content?: string | null
          utm_medium?: string | null
          utm_source?: string | null
          utm_term?: string | null
          visitor_id?: string | null
          workspace_id: string
        }
        Update: {
          cancelled_at?: string | null
          created_at?: string
          currency?: string
          customer_id?: string | null
          email_sha256?: string | null
          fbclid?: string | null
          financial_status?: Database["public"]["Enums"]["order_financial_status"]
          fulfillment_status?: Database["public"]["Enums"]["order_fulfillment_status"]
          gclid?: string | null
          id?: string
          landing_site?: string | null
          order_number?: string | null
          processed_at?: string
          referring_site?: string | null
          shopify_order_id?: string
          source_name?: string | null
          source_updated_at?: string | null
          subtotal_cents?: number
          total_discounts_cents?: number
          total_price_cents?: number
          total_refunded_cents?: number
          total_shipping_cents?: number
          total_tax_cents?: number
          ttclid?: string | null
          updated_at?: string
          utm_campaign?: string | null
          utm_content?: string | null
          utm_medium?: string | null
          utm_source?: string | null
          utm_term?: string | null
          visitor_id?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "orders_customer_id_fkey"
            columns: ["customer_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "orders_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      pixel_accuracy_hourly: {
        Row: {
          ga4_accuracy: number | null
          ga4_sent: number
          hour: string
          meta_accuracy: number | null
          meta_sent: number
          refreshed_at: string
          shopify_orders: number
          tiktok_accuracy: number | null
          tiktok_sent: number
          tracked_orders: number
          workspace_id: string
        }
        Insert: {
          ga4_accuracy?: number | null
          ga4_sent: number
          hour: string
          meta_accuracy?: number | null
          meta_sent: number
          refreshed_at?: string
          shopify_orders: number
          tiktok_accuracy?: number | null
          tiktok_sent: number
          tracked_orders: number
          workspace_id: string
        }
        Update: {
          ga4_accuracy?: number | null
          ga4_sent?: number
          hour?: string
          meta_accuracy?: number | null
          meta_sent?: number
          refreshed_at?: string
          shopify_orders?: number
          tiktok_accuracy?: number | null
          tiktok_sent?: number
          tracked_orders?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "pixel_accuracy_hourly_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      pixel_events: {
        Row: {
          created_at: string
          currency: string | null
          event_id: string
          event_name: string
          ga4_status: Database["public"]["Enums"]["pixel_delivery_status"]
          id: number
          last_error: string | null
          marketing_consent: boolean | null
          meta_status: Database["public"]["Enums"]["pixel_delivery_status"]
          occurred_at: string
          shopify_order_id: string | null
          tiktok_status: Database["public"]["Enums"]["pixel_delivery_status"]
          updated_at: string
          user_data: NonNullable<Json>
          value_cents: number | null
          visitor_id: string | null
          workspace_id: string
        }
        Insert: {
          created_at?: string
          currency?: string | null
          event_id: string
          event_name: string
          ga4_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          id?: never
          last_error?: string | null
          marketing_consent?: boolean | null
          meta_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          occurred_at: string
          shopify_order_id?: string | null
          tiktok_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          updated_at?: string
          user_data?: NonNullable<Json>
          value_cents?: number | null
          visitor_id?: string | null
          workspace_id: string
        }
        Update: {
          created_at?: string
          currency?: string | null
          event_id?: string
          event_name?: string
          ga4_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          id?: never
          last_error?: string | null
          marketing_consent?: boolean | null
          meta_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          occurred_at?: string
          shopify_order_id?: string | null
          tiktok_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          updated_at?: string
          user_data?: NonNullable<Json>
          value_cents?: number | null
          visitor_id?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "pixel_events_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      privacy_audit_log: {
        Row: {
          created_at: string
          details: NonNullable<Json>
          event: Database["public"]["Enums"]["privacy_event"]
          id: number
          ip_address: unknown
          request_id: string | null
          subject_sha256: string | null
          user_agent: string | null
          user_id: string | null
          workspace_id: string | null
        }
        Insert: {
          created_at?: string
          details?: NonNullable<Json>
          event: Database["public"]["Enums"]["privacy_event"]
          id?: never
          ip_address?: unknown
          request_id?: string | null
          subject_sha256?: string | null
          user_agent?: string | null
          user_id?: string | null
          workspace_id?: string | null
        }
        Update: {
          created_at?: string
          details?: NonNullable<Json>
          event?: Database["public"]["Enums"]["privacy_event"]
          id?: never
          ip_address?: unknown
          request_id?: string | null
          subject_sha256?: string | null
          user_agent?: string | null
          user_id?: string | null
          workspace_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "privacy_audit_log_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "data_deletion_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "privacy_audit_log_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "data_export_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "privacy_audit_log_request_id_fkey"
            columns: ["request_id"]
            isOneToOne: false
            referencedRelation: "privacy_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "privacy_audit_log_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      privacy_requests: {
        Row: {
          attempts: number
          completed_at: string | null
          confirm_by: string | null
          confirmation_required: boolean
          confirmed_at: string | null
          created_at: string
          details: NonNullable<Json>
          download_expires_at: string | null
          error: string | null
          export_bytes: number | null
          export_path: string | null
          export_removed_at: string | null
          id: string
          kind: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at: string
          requested_by: string | null
          source: string
          started_at: string | null
          status: Database["public"]["Enums"]["privacy_request_status"]
          subject: NonNullable<Json>
          subject_sha256: string | null
          updated_at: string
          user_id: string | null
          workspace_id: string | null
        }
        Insert: {
          attempts?: number
          completed_at?: string | null
          confirm_by?: string | null
          confirmation_required?: boolean
          confirmed_at?: string | null
          created_at?: string
          details?: NonNullable<Json>
          download_expires_at?: string | null
          error?: string | null
          export_bytes?: number | null
          export_path?: string | null
          export_removed_at?: string | null
          id?: string
          kind: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at?: string
          requested_by?: string | null
          source: string
          started_at?: string | null
          status?: Database["public"]["Enums"]["privacy_request_status"]
          subject?: NonNullable<Json>
          subject_sha256?: string | null
          updated_at?: string
          user_id?: string | null
          workspace_id?: string | null
        }
        Update: {
          attempts?: number
          completed_at?: string | null
          confirm_by?: string | null
          confirmation_required?: boolean
          confirmed_at?: string | null
          created_at?: string
          details?: NonNullable<Json>
          download_expires_at?: string | null
          error?: string | null
          export_bytes?: number | null
          export_path?: string | null
          export_removed_at?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at?: string
          requested_by?: string | null
          source?: string
          started_at?: string | null
          status?: Database["public"]["Enums"]["privacy_request_status"]
          subject?: NonNullable<Json>
          subject_sha256?: string | null
          updated_at?: string
          user_id?: string | null
          workspace_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "privacy_requests_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      product_rating_summaries: {
        Row: {
          average_rating: number | null
          rating_1: number
          rating_2: number
          rating_3: number
          rating_4: number
          rating_5: number
          rating_sum: number
          review_count: number
          shopify_product_id: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          average_rating?: never
          rating_1?: number
          rating_2?: number
          rating_3?: number
          rating_4?: number
          rating_5?: number
          rating_sum?: number
          review_count?: number
          shopify_product_id: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          average_rating?: never
          rating_1?: number
          rating_2?: number
          rating_3?: number
          rating_4?: number
          rating_5?: number
          rating_sum?: number
          review_count?: number
          shopify_product_id?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "product_rating_summaries_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      products: {
        Row: {
          cost_cents: number | null
          created_at: string
          currency: string
          id: string
          price_cents: number
          shopify_inventory_item_id: string | null
          shopify_product_id: string
          shopify_variant_id: string
          sku: string | null
          source_updated_at: string | null
          status: Database["public"]["Enums"]["product_status"]
          title: string
          updated_at: string
          variant_title: string | null
          workspace_id: string
        }
        Insert: {
          cost_cents?: number | null
          created_at?: string
          currency?: string
          id?: string
          price_cents?: number
          shopify_inventory_item_id?: string | null
          shopify_product_id: string
          shopify_variant_id: string
          sku?: string | null
          source_updated_at?: string | null
          status?: Database["public"]["Enums"]["product_status"]
          title: string
          updated_at?: string
          variant_title?: string | null
          workspace_id: string
        }
        Update: {
          cost_cents?: number | null
          created_at?: string
          currency?: string
          id?: string
          price_cents?: number
          shopify_inventory_item_id?: string | null
          shopify_product_id?: string
          shopify_variant_id?: string
          sku?: string | null
          source_updated_at?: string | null
          status?: Database["public"]["Enums"]["product_status"]
          title?: string
          updated_at?: string
          variant_title?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "products_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          avatar_url: string | null
          created_at: string
          display_name: string | null
          email: string | null
          id: string
          updated_at: string
        }
        Insert: {
          avatar_url?: string | null
          created_at?: string
          display_name?: string | null
          email?: string | null
          id: string
          updated_at?: string
        }
        Update: {
          avatar_url?: string | null
          created_at?: string
          display_name?: string | null
          email?: string | null
          id?: string
          updated_at?: string
        }
        Relationships: []
      }
      purchase_orders: {
        Row: {
          approval_id: string | null
          created_at: string
          expected_at: string | null
          id: string
          ordered_at: string
          product_id: string
          quantity: number
          received_at: string | null
          status: Database["public"]["Enums"]["purchase_order_status"]
          supplier_name: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          approval_id?: string | null
          created_at?: string
          expected_at?: string | null
          id?: string
          ordered_at?: string
          product_id: string
          quantity: number
          received_at?: string | null
          status?: Database["public"]["Enums"]["purchase_order_status"]
          supplier_name?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          approval_id?: string | null
          created_at?: string
          expected_at?: string | null
          id?: string
          ordered_at?: string
          product_id?: string
          quantity?: number
          received_at?: string | null
          status?: Database["public"]["Enums"]["purchase_order_status"]
          supplier_name?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "purchase_orders_workspace_id_approval_id_fkey"
            columns: ["workspace_id", "approval_id"]
            isOneToOne: false
            referencedRelation: "agent_approvals"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "purchase_orders_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "purchase_orders_workspace_id_product_id_fkey"
            columns: ["workspace_id", "product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      real_time_metrics: {
        Row: {
          created_at: string
          entity_id: string
          entity_type: string
          measured_at: string
          metric: string
          previous_value: number | null
          value: number
          workspace_id: string
        }
        Insert: {
          created_at?: string
          entity_id: string
          entity_type: string
          measured_at?: string
          metric: string
          previous_value?: number | null
          value: number
          workspace_id: string
        }
        Update: {
          created_at?: string
          entity_id?: string
          entity_type?: string
          measured_at?: string
          metric?: string
          previous_value?: number | null
          value?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "real_time_metrics_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      reorder_points: {
        Row: {
          as_of: string
          avg_daily_demand: number
          below_reorder_point: boolean
          computed_at: string
          demand_stddev: number
          lead_time_days: number | null
          on_hand: number | null
          product_id: string
          reorder_point: number | null
          safety_stock: number | null
          service_level_z: number
          units_sold: number
          weeks_of_supply: number | null
          window_days: number
          workspace_id: string
        }
        Insert: {
          as_of: string
          avg_daily_demand: number
          below_reorder_point?: boolean
          computed_at?: string
          demand_stddev: number
          lead_time_days?: number | null
          on_hand?: number | null
          product_id: string
          reorder_point?: number | null
          safety_stock?: number | null
          service_level_z: number
          units_sold: number
          weeks_of_supply?: number | null
          window_days: number
          workspace_id: string
        }
        Update: {
          as_of?: string
          avg_daily_demand?: number
          below_reorder_point?: boolean
          computed_at?: string
          demand_stddev?: number
          lead_time_days?: number | null
          on_hand?: number | null
          product_id?: string
          reorder_point?: number | null
          safety_stock?: number | null
          service_level_z?: number
          units_sold?: number
          weeks_of_supply?: number | null
          window_days?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "reorder_points_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reorder_points_workspace_id_product_id_fkey"
            columns: ["workspace_id", "product_id"]
            isOneToOne: true
            referencedRelation: "products"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      review_media: {
        Row: {
          aspect_ratio: string | null
          created_at: string
          duration_seconds: number | null
          error: string | null
          id: string
          mux_asset_id: string | null
          mux_playback_id: string | null
          mux_upload_id: string | null
          position: number
          ready_at: string | null
          review_id: string
          source_url: string | null
          status: Database["public"]["Enums"]["review_media_status"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          aspect_ratio?: string | null
          created_at?: string
          duration_seconds?: number | null
          error?: string | null
          id?: string
          mux_asset_id?: string | null
          mux_playback_id?: string | null
          mux_upload_id?: string | null
          position?: number
          ready_at?: string | null
          review_id: string
          source_url?: string | null
          status?: Database["public"]["Enums"]["review_media_status"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          aspect_ratio?: string | null
          created_at?: string
          duration_seconds?: number | null
          error?: string | null
          id?: string
          mux_asset_id?: string | null
          mux_playback_id?: string | null
          mux_upload_id?: string | null
          position?: number
          ready_at?: string | null
          review_id?: string
          source_url?: string | null
          status?: Database["public"]["Enums"]["review_media_status"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "review_media_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "review_media_workspace_id_review_id_fkey"
            columns: ["review_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "reviews"
            referencedColumns: ["id", "workspace_id"]
          },
        ]
      }
      review_requests: {
        Row: {
          attempts: number
          cancel_reason: string | null
          cancelled_at: string | null
          claimed_until: string | null
          completed_at: string | null
          created_at: string
          created_by: string | null
          due_at: string | null
          email_status:
            | Database["public"]["Enums"]["email_delivery_status"]
            | null
          email_status_at: string | null
          id: string
          last_error: string | null
          opened_at: string | null
          order_id: string
          provider_message_id: string | null
          send_after: string
          sent_at: string | null
          shopify_product_ids: string[]
          status: Database["public"]["Enums"]["review_request_status"]
          trigger_event: Database["public"]["Enums"]["review_request_trigger"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          attempts?: number
          cancel_reason?: string | null
          cancelled_at?: string | null
          claimed_until?: string | null
          completed_at?: string | null
          created_at?: string
          created_by?: string | null
          due_at?: string | null
          email_status?:
            | Database["public"]["Enums"]["email_delivery_status"]
            | null
          email_status_at?: string | null
          id?: string
          last_error?: string | null
          opened_at?: string | null
          order_id: string
          provider_message_id?: string | null
          send_after: string
          sent_at?: string | null
          shopify_product_ids?: string[]
          status?: Database["public"]["Enums"]["review_request_status"]
          trigger_event: Database["public"]["Enums"]["review_request_trigger"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          attempts?: number
          cancel_reason?: string | null
          cancelled_at?: string | null
          claimed_until?: string | null
          completed_at?: string | null
          created_at?: string
          created_by?: string | null
          due_at?: string | null
          email_status?:
            | Database["public"]["Enums"]["email_delivery_status"]
            | null
          email_status_at?: string | null
          id?: string
          last_error?: string | null
          opened_at?: string | null
          order_id?: string
          provider_message_id?: string | null
          send_after?: string
          sent_at?: string | null
          shopify_product_ids?: string[]
          status?: Database["public"]["Enums"]["review_request_status"]
          trigger_event?: Database["public"]["Enums"]["review_request_trigger"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "review_requests_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "review_requests_workspace_id_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
        ]
      }
      review_responses: {
        Row: {
          author_name: string
          body: string
          created_at: string
          created_by: string | null
          id: string
          review_id: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          author_name: string
          body: string
          created_at?: string
          created_by?: string | null
          id?: string
          review_id: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          author_name?: string
          body?: string
          created_at?: string
          created_by?: string | null
          id?: string
          review_id?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "review_responses_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "review_responses_workspace_id_review_id_fkey"
            columns: ["review_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "reviews"
            referencedColumns: ["id", "workspace_id"]
          },
        ]
      }
      review_settings: {
        Row: {
          auto_publish_verified: boolean
          created_at: string
          request_delay_days: number
          requests_enabled: boolean
          token_ttl_days: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          auto_publish_verified?: boolean
          created_at?: string
          request_delay_days?: number
          requests_enabled?: boolean
          token_ttl_days?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          auto_publish_verified?: boolean
          created_at?: string
          request_delay_days?: number
          requests_enabled?: boolean
          token_ttl_days?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "review_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      review_votes: {
        Row: {
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["review_vote_kind"]
          review_id: string
          voter_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["review_vote_kind"]
          review_id: string
          voter_id: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["review_vote_kind"]
          review_id?: string
          voter_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "review_votes_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "review_votes_workspace_id_review_id_fkey"
            columns: ["review_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "reviews"
            referencedColumns: ["id", "workspace_id"]
          },
        ]
      }
      reviews: {
        Row: {
          author_email: string | null
          author_name: string
          body: string
          created_at: string
          helpful_count: number
          id: string
          imported_from: string | null
          moderated_at: string | null
          moderated_by: string | null
          moderation_note: string | null
          order_id: string | null
          original_id: string | null
          published_at: string | null
          rating: number
          review_request_id: string | null
          shopify_product_id: string
          status: Database["public"]["Enums"]["review_status"]
          submitted_at: string
          title: string | null
          unhelpful_count: number
          updated_at: string
          verified_purchase: boolean
          workspace_id: string
        }
        Insert: {
          author_email?: string | null
          author_name: string
          body?: string
          created_at?: string
          helpful_count?: number
          id?: string
          imported_from?: string | null
          moderated_at?: string | null
          moderated_by?: string | null
          moderation_note?: string | null
          order_id?: string | null
          original_id?: string | null
          published_at?: string | null
          rating: number
          review_request_id?: string | null
          shopify_product_id: string
          status?: Database["public"]["Enums"]["review_status"]
          submitted_at?: string
          title?: string | null
          unhelpful_count?: number
          updated_at?: string
          verified_purchase?: boolean
          workspace_id: string
        }
        Update: {
          author_email?: string | null
          author_name?: string
          body?: string
          created_at?: string
          helpful_count?: number
          id?: string
          imported_from?: string | null
          moderated_at?: string | null
          moderated_by?: string | null
          moderation_note?: string | null
          order_id?: string | null
          original_id?: string | null
          published_at?: string | null
          rating?: number
          review_request_id?: string | null
          shopify_product_id?: string
          status?: Database["public"]["Enums"]["review_status"]
          submitted_at?: string
          title?: string | null
          unhelpful_count?: number
          updated_at?: string
          verified_purchase?: boolean
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "reviews_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_workspace_id_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "reviews_workspace_id_review_request_id_fkey"
            columns: ["review_request_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "review_requests"
            referencedColumns: ["id", "workspace_id"]
          },
        ]
      }
      scheduled_actions: {
        Row: {
          action_index: number
          action_type: Database["public"]["Enums"]["workflow_action_type"]
          attempts: number
          created_at: string
          executed_at: string | null
          execution_id: string
          id: number
          last_error: string | null
          max_attempts: number
          params: NonNullable<Json>
          result: Json | null
          scheduled_for: string
          status: Database["public"]["Enums"]["scheduled_action_status"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          action_index: number
          action_type: Database["public"]["Enums"]["workflow_action_type"]
          attempts?: number
          created_at?: string
          executed_at?: string | null
          execution_id: string
          id?: never
          last_error?: string | null
          max_attempts?: number
          params?: NonNullable<Json>
          result?: Json | null
          scheduled_for?: string
          status?: Database["public"]["Enums"]["scheduled_action_status"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          action_index?: number
          action_type?: Database["public"]["Enums"]["workflow_action_type"]
          attempts?: number
          created_at?: string
          executed_at?: string | null
          execution_id?: string
          id?: never
          last_error?: string | null
          max_attempts?: number
          params?: NonNullable<Json>
          result?: Json | null
          scheduled_for?: string
          status?: Database["public"]["Enums"]["scheduled_action_status"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "scheduled_actions_workspace_id_execution_id_fkey"
            columns: ["workspace_id", "execution_id"]
            isOneToOne: false
            referencedRelation: "workflow_executions"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "scheduled_actions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      secret_audit_logs: {
        Row: {
          action: Database["public"]["Enums"]["secret_action"]
          actor_role: string
          created_at: string
          id: number
          secret_name: string
          user_id: string
        }
        Insert: {
          action: Database["public"]["Enums"]["secret_action"]
          actor_role: string
          created_at?: string
          id?: never
          secret_name: string
          user_id: string
        }
        Update: {
          action?: Database["public"]["Enums"]["secret_action"]
          actor_role?: string
          created_at?: string
          id?: never
          secret_name?: string
          user_id?: string
        }
        Relationships: []
      }
      seo_audits: {
        Row: {
          audited_on: string | null
          avg_cls: number | null
          avg_fid_ms: number | null
          avg_inp_ms: number | null
          avg_lcp_ms: number | null
          connection_id: string | null
          content_score: number | null
          crawled_at: string
          created_at: string
          critical_issues: number
          high_priority_issues: number
          id: string
          issues: NonNullable<Json>
          overall_score: number | null
          pages_crawled: number
          performance_score: number | null
          site_url: string
          technical_score: number | null
          vitals_source: Database["public"]["Enums"]["web_vitals_source"] | null
          workspace_id: string
        }
        Insert: {
          audited_on?: string | null
          avg_cls?: number | null
          avg_fid_ms?: number | null
          avg_inp_ms?: number | null
          avg_lcp_ms?: number | null
          connection_id?: string | null
          content_score?: number | null
          crawled_at?: string
          created_at?: string
          critical_issues?: number
          high_priority_issues?: number
          id?: string
          issues?: NonNullable<Json>
          overall_score?: never
          pages_crawled?: number
          performance_score?: number | null
          site_url: string
          technical_score?: number | null
          vitals_source?:
            | Database["public"]["Enums"]["web_vitals_source"]
            | null
          workspace_id: string
        }
        Update: {
          audited_on?: string | null
          avg_cls?: number | null
          avg_fid_ms?: number | null
          avg_inp_ms?: number | null
          avg_lcp_ms?: number | null
          connection_id?: string | null
          content_score?: number | null
          crawled_at?: string
          created_at?: string
          critical_issues?: number
          high_priority_issues?: number
          id?: string
          issues?: NonNullable<Json>
          overall_score?: never
          pages_crawled?: number
          performance_score?: number | null
          site_url?: string
          technical_score?: number | null
          vitals_source?:
            | Database["public"]["Enums"]["web_vitals_source"]
            | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "seo_audits_connection_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "seo_audits_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      seo_key_pages: {
        Row: {
          connection_id: string
          created_at: string
          created_by: string | null
          enabled: boolean
          id: string
          label: string | null
          strategy: Database["public"]["Enums"]["pagespeed_strategy"]
          updated_at: string
          url: string
          workspace_id: string
        }
        Insert: {
          connection_id: string
          created_at?: string
          created_by?: string | null
          enabled?: boolean
          id?: string
          label?: string | null
          strategy?: Database["public"]["Enums"]["pagespeed_strategy"]
          updated_at?: string
          url: string
          workspace_id: string
        }
        Update: {
          connection_id?: string
          created_at?: string
          created_by?: string | null
          enabled?: boolean
          id?: string
          label?: string | null
          strategy?: Database["public"]["Enums"]["pagespeed_strategy"]
          updated_at?: string
          url?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "seo_key_pages_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "seo_key_pages_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      seo_page_audits: {
        Row: {
          accessibility_score: number | null
          audited_on: string
          best_practices_score: number | null
          cls: number | null
          connection_id: string
          created_at: string
          critical_issues: number
          error: string | null
          fcp_ms: number | null
          fetched_at: string | null
          field_category: string | null
          high_priority_issues: number
          id: number
          inp_ms: number | null
          issues: NonNullable<Json>
          lcp_ms: number | null
          lighthouse_version: string | null
          performance_score: number | null
          seo_score: number | null
          strategy: Database["public"]["Enums"]["pagespeed_strategy"]
          tbt_ms: number | null
          ttfb_ms: number | null
          updated_at: string
          url: string
          vitals_source: Database["public"]["Enums"]["web_vitals_source"] | null
          workspace_id: string
        }
        Insert: {
          accessibility_score?: number | null
          audited_on: string
          best_practices_score?: number | null
          cls?: number | null
          connection_id: string
          created_at?: string
          critical_issues?: number
          error?: string | null
          fcp_ms?: number | null
          fetched_at?: string | null
          field_category?: string | null
          high_priority_issues?: number
          id?: never
          inp_ms?: number | null
          issues?: NonNullable<Json>
          lcp_ms?: number | null
          lighthouse_version?: string | null
          performance_score?: number | null
          seo_score?: number | null
          strategy: Database["public"]["Enums"]["pagespeed_strategy"]
          tbt_ms?: number | null
          ttfb_ms?: number | null
          updated_at?: string
          url: string
          vitals_source?:
            | Database["public"]["Enums"]["web_vitals_source"]
            | null
          workspace_id: string
        }
        Update: {
          accessibility_score?: number | null
          audited_on?: string
          best_practices_score?: number | null
          cls?: number | null
          connection_id?: string
          created_at?: string
          critical_issues?: number
          error?: string | null
          fcp_ms?: number | null
          fetched_at?: string | null
          field_category?: string | null
          high_priority_issues?: number
          id?: never
          inp_ms?: number | null
          issues?: NonNullable<Json>
          lcp_ms?: number | null
          lighthouse_version?: string | null
          performance_score?: number | null
          seo_score?: number | null
          strategy?: Database["public"]["Enums"]["pagespeed_strategy"]
          tbt_ms?: number | null
          ttfb_ms?: number | null
          updated_at?: string
          url?: string
          vitals_source?:
            | Database["public"]["Enums"]["web_vitals_source"]
            | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "seo_page_audits_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "seo_page_audits_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      seo_rankings: {
        Row: {
          avg_position: number | null
          clicks: number | null
          created_at: string
          ctr: number | null
          device: Database["public"]["Enums"]["search_device"]
          featured_snippet: boolean | null
          id: number
          impressions: number | null
          keyword: string
          location: string
          position: number | null
          search_engine: Database["public"]["Enums"]["search_engine"]
          search_volume: number | null
          source: Database["public"]["Enums"]["ranking_source"]
          tracked_on: string
          url: string | null
          workspace_id: string
        }
        Insert: {
          avg_position?: number | null
          clicks?: number | null
          created_at?: string
          ctr?: number | null
          device?: Database["public"]["Enums"]["search_device"]
          featured_snippet?: boolean | null
          id?: never
          impressions?: number | null
          keyword: string
          location?: string
          position?: number | null
          search_engine?: Database["public"]["Enums"]["search_engine"]
          search_volume?: number | null
          source?: Database["public"]["Enums"]["ranking_source"]
          tracked_on: string
          url?: string | null
          workspace_id: string
        }
        Update: {
          avg_position?: number | null
          clicks?: number | null
          created_at?: string
          ctr?: number | null
          device?: Database["public"]["Enums"]["search_device"]
          featured_snippet?: boolean | null
          id?: never
          impressions?: number | null
          keyword?: string
          location?: string
          position?: number | null
          search_engine?: Database["public"]["Enums"]["search_engine"]
          search_volume?: number | null
          source?: Database["public"]["Enums"]["ranking_source"]
          tracked_on?: string
          url?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "seo_rankings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      shopify_sync_rejections: {
        Row: {
          created_at: string
          excerpt: string | null
          id: number
          line_number: number
          phase: string
          reason: string
          run_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          excerpt?: string | null
          id?: never
          line_number: number
          phase: string
          reason: string
          run_id: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          excerpt?: string | null
          id?: never
          line_number?: number
          phase?: string
          reason?: string
          run_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "shopify_sync_rejections_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shopify_sync_rejections_workspace_id_run_id_fkey"
            columns: ["workspace_id", "run_id"]
            isOneToOne: false
            referencedRelation: "shopify_sync_runs"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      shopify_sync_runs: {
        Row: {
          bulk_operation_id: string | null
          connection_id: string
          created_at: string
          customers_count: number
          finished_at: string | null
          id: string
          inventory_levels_count: number
          last_error: string | null
          lines_read: number
          lines_rejected: number
          orders_count: number
          phase: string | null
          products_count: number
          requested_by: string | null
          started_at: string | null
          status: Database["public"]["Enums"]["shopify_sync_status"]
          trigger: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          bulk_operation_id?: string | null
          connection_id: string
          created_at?: string
          customers_count?: number
          finished_at?: string | null
          id?: string
          inventory_levels_count?: number
          last_error?: string | null
          lines_read?: number
          lines_rejected?: number
          orders_count?: number
          phase?: string | null
          products_count?: number
          requested_by?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["shopify_sync_status"]
          trigger: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          bulk_operation_id?: string | null
          connection_id?: string
          created_at?: string
          customers_count?: number
          finished_at?: string | null
          id?: string
          inventory_levels_count?: number
          last_error?: string | null
          lines_read?: number
          lines_rejected?: number
          orders_count?: number
          phase?: string | null
          products_count?: number
          requested_by?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["shopify_sync_status"]
          trigger?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "shopify_sync_runs_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "shopify_sync_runs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      slack_assistant_settings: {
        Row: {
          created_at: string
          id: string
          setting_key: string
          setting_value: NonNullable<Json>
          updated_at: string
          updated_by: string | null
          workspace_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          setting_key: string
          setting_value: NonNullable<Json>
          updated_at?: string
          updated_by?: string | null
          workspace_id: string
        }
        Update: {
          created_at?: string
          id?: string
          setting_key?: string
          setting_value?: NonNullable<Json>
          updated_at?: string
          updated_by?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "slack_assistant_settings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      slack_channels: {
        Row: {
          created_at: string
          id: string
          is_archived: boolean
          is_im: boolean
          is_mpim: boolean
          is_private: boolean
          member_count: number | null
          name: string | null
          purpose: string | null
          slack_channel_id: string
          synced_at: string
          team_id: string
          topic: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          is_archived?: boolean
          is_im?: boolean
          is_mpim?: boolean
          is_private?: boolean
          member_count?: number | null
          name?: string | null
          purpose?: string | null
          slack_channel_id: string
          synced_at?: string
          team_id: string
          topic?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          id?: string
          is_archived?: boolean
          is_im?: boolean
          is_mpim?: boolean
          is_private?: boolean
          member_count?: number | null
          name?: string | null
          purpose?: string | null
          slack_channel_id?: string
          synced_at?: string
          team_id?: string
          topic?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "slack_channels_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      slack_messages: {
        Row: {
          blocks: Json | null
          created_at: string
          edited_at: string | null
          files: Json | null
          id: string
          posted_at: string
          reactions: Json | null
          slack_channel_id: string
          slack_user_id: string | null
          subtype: string | null
          text: string | null
          thread_ts: string | null
          ts: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          blocks?: Json | null
          created_at?: string
          edited_at?: string | null
          files?: Json | null
          id?: string
          posted_at: string
          reactions?: Json | null
          slack_channel_id: string
          slack_user_id?: string | null
          subtype?: string | null
          text?: string | null
          thread_ts?: string | null
          ts: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          blocks?: Json | null
          created_at?: string
          edited_at?: string | null
          files?: Json | null
          id?: string
          posted_at?: string
          reactions?: Json | null
          slack_channel_id?: string
          slack_user_id?: string | null
          subtype?: string | null
          text?: string | null
          thread_ts?: string | null
          ts?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "slack_messages_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "slack_messages_workspace_id_slack_channel_id_fkey"
            columns: ["workspace_id", "slack_channel_id"]
            isOneToOne: false
            referencedRelation: "slack_channels"
            referencedColumns: ["workspace_id", "slack_channel_id"]
          },
        ]
      }
      slack_poll_states: {
        Row: {
          closed_at: string | null
          closes_at: string | null
          created_at: string
          created_by: string | null
          id: string
          options: string[]
          poll_id: string
          question: string
          responses: NonNullable<Json>
          slack_channel_id: string
          thread_ts: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          closed_at?: string | null
          closes_at?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          options: string[]
          poll_id: string
          question: string
          responses?: NonNullable<Json>
          slack_channel_id: string
          thread_ts?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          closed_at?: string | null
          closes_at?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          options?: string[]
          poll_id?: string
          question?: string
          responses?: NonNullable<Json>
          slack_channel_id?: string
          thread_ts?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "slack_poll_states_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "slack_poll_states_workspace_id_slack_channel_id_fkey"
            columns: ["workspace_id", "slack_channel_id"]
            isOneToOne: false
            referencedRelation: "slack_channels"
            referencedColumns: ["workspace_id", "slack_channel_id"]
          },
        ]
      }
      slack_threads: {
        Row: {
          created_at: string
          id: string
          last_reply_at: string | null
          participant_ids: string[]
          preserved: boolean
          preserved_by: string | null
          reply_count: number
          slack_channel_id: string
          summary: string | null
          thread_ts: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          last_reply_at?: string | null
          participant_ids?: string[]
          preserved?: boolean
          preserved_by?: string | null
          reply_count?: number
          slack_channel_id: string
          summary?: string | null
          thread_ts: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          id?: string
          last_reply_at?: string | null
          participant_ids?: string[]
          preserved?: boolean
          preserved_by?: string | null
          reply_count?: number
          slack_channel_id?: string
          summary?: string | null
          thread_ts?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "slack_threads_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "slack_threads_workspace_id_slack_channel_id_fkey"
            columns: ["workspace_id", "slack_channel_id"]
            isOneToOne: false
            referencedRelation: "slack_channels"
            referencedColumns: ["workspace_id", "slack_channel_id"]
          },
        ]
      }
      slack_users: {
        Row: {
          avatar_url: string | null
          created_at: string
          email: string | null
          id: string
          is_admin: boolean
          is_bot: boolean
          is_deleted: boolean
          name: string | null
          real_name: string | null
          slack_user_id: string
          synced_at: string
          team_id: string
          timezone: string | null
          title: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          avatar_url?: string | null
          created_at?: string
          email?: string | null
          id?: string
          is_admin?: boolean
          is_bot?: boolean
          is_deleted?: boolean
          name?: string | null
          real_name?: string | null
          slack_user_id: string
          synced_at?: string
          team_id: string
          timezone?: string | null
          title?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          avatar_url?: string | null
          created_at?: string
          email?: string | null
          id?: string
          is_admin?: boolean
          is_bot?: boolean
          is_deleted?: boolean
          name?: string | null
          real_name?: string | null
          slack_user_id?: string
          synced_at?: string
          team_id?: string
          timezone?: string | null
          title?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "slack_users_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      social_account_daily: {
        Row: {
          comments: number | null
          created_at: string
          day: string
          followers: number | null
          impressions: number | null
          likes: number | null
          profile_views: number | null
          reach: number | null
          shares: number | null
          social_account_id: string
          updated_at: string
          views: number | null
          workspace_id: string
        }
        Insert: {
          comments?: number | null
          created_at?: string
          day: string
          followers?: number | null
          impressions?: number | null
          likes?: number | null
          profile_views?: number | null
          reach?: number | null
          shares?: number | null
          social_account_id: string
          updated_at?: string
          views?: number | null
          workspace_id: string
        }
        Update: {
          comments?: number | null
          created_at?: string
          day?: string
          followers?: number | null
          impressions?: number | null
          likes?: number | null
          profile_views?: number | null
          reach?: number | null
          shares?: number | null
          social_account_id?: string
          updated_at?: string
          views?: number | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "social_account_daily_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "social_account_daily_workspace_id_social_account_id_fkey"
            columns: ["workspace_id", "social_account_id"]
            isOneToOne: false
            referencedRelation: "social_accounts"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      social_accounts: {
        Row: {
          connection_id: string | null
          created_at: string
          display_name: string | null
          external_account_id: string
          followers: number | null
          id: string
          last_synced_at: string | null
          platform: Database["public"]["Enums"]["social_platform"]
          posts_count: number | null
          updated_at: string
          username: string | null
          workspace_id: string
        }
        Insert: {
          connection_id?: string | null
          created_at?: string
          display_name?: string | null
          external_account_id: string
          followers?: number | null
          id?: string
          last_synced_at?: string | null
          platform: Database["public"]["Enums"]["social_platform"]
          posts_count?: number | null
          updated_at?: string
          username?: string | null
          workspace_id: string
        }
        Update: {
          connection_id?: string | null
          created_at?: string
          display_name?: string | null
          external_account_id?: string
          followers?: number | null
          id?: string
          last_synced_at?: string | null
          platform?: Database["public"]["Enums"]["social_platform"]
          posts_count?: number | null
          updated_at?: string
          username?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "social_accounts_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "social_accounts_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      social_analytics: {
        Row: {
          clicks: number
          comments: number
          created_at: string
          engagement_rate: number | null
          engagements: number
          id: number
          impressions: number | null
          likes: number
          measured_at: string
          platform: Database["public"]["Enums"]["social_platform"]
          reach: number | null
          saves: number
          shares: number
          social_post_id: string
          views: number
          workspace_id: string
        }
        Insert: {
          clicks?: number
          comments?: number
          created_at?: string
          engagement_rate?: number | null
          engagements?: number
          id?: never
          impressions?: number | null
          likes?: number
          measured_at: string
          platform: Database["public"]["Enums"]["social_platform"]
          reach?: number | null
          saves?: number
          shares?: number
          social_post_id: string
          views?: number
          workspace_id: string
        }
        Update: {
          clicks?: number
          comments?: number
          created_at?: string
          engagement_rate?: number | null
          engagements?: number
          id?: never
          impressions?: number | null
          likes?: number
          measured_at?: string
          platform?: Database["public"]["Enums"]["social_platform"]
          reach?: number | null
          saves?: number
          shares?: number
          social_post_id?: string
          views?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "social_analytics_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "social_analytics_workspace_id_social_post_id_fkey"
            columns: ["workspace_id", "social_post_id"]
            isOneToOne: false
            referencedRelation: "social_posts"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      social_posts: {
        Row: {
          campaign_id: string | null
          caption: string | null
          created_at: string
          created_by: string | null
          external_post_id: string | null
          id: string
          last_synced_at: string | null
          media_type: string | null
          media_urls: string[]
          platform: Database["public"]["Enums"]["social_platform"]
          published_at: string | null
          scheduled_at: string | null
          social_account_id: string | null
          status: Database["public"]["Enums"]["social_post_status"]
          updated_at: string
          url: string | null
          workspace_id: string
        }
        Insert: {
          campaign_id?: string | null
          caption?: string | null
          created_at?: string
          created_by?: string | null
          external_post_id?: string | null
          id?: string
          last_synced_at?: string | null
          media_type?: string | null
          media_urls?: string[]
          platform: Database["public"]["Enums"]["social_platform"]
          published_at?: string | null
          scheduled_at?: string | null
          social_account_id?: string | null
          status?: Database["public"]["Enums"]["social_post_status"]
          updated_at?: string
          url?: string | null
          workspace_id: string
        }
        Update: {
          campaign_id?: string | null
          caption?: string | null
          created_at?: string
          created_by?: string | null
          external_post_id?: string | null
          id?: string
          last_synced_at?: string | null
          media_type?: string | null
          media_urls?: string[]
          platform?: Database["public"]["Enums"]["social_platform"]
          published_at?: string | null
          scheduled_at?: string | null
          social_account_id?: string | null
          status?: Database["public"]["Enums"]["social_post_status"]
          updated_at?: string
          url?: string | null
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "social_posts_campaign_id_fkey"
            columns: ["campaign_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["campaign_id", "workspace_id"]
          },
          {
            foreignKeyName: "social_posts_campaign_id_fkey"
            columns: ["campaign_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "social_posts_social_account_fkey"
            columns: ["workspace_id", "social_account_id"]
            isOneToOne: false
            referencedRelation: "social_accounts"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "social_posts_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      strategy_documents: {
        Row: {
          body: NonNullable<Json>
          campaign_id: string | null
          created_at: string
          created_by: string | null
          id: string
          kind: Database["public"]["Enums"]["strategy_document_kind"]
          status: Database["public"]["Enums"]["strategy_document_status"]
          title: string
          updated_at: string
          version: number
          workspace_id: string
        }
        Insert: {
          body: NonNullable<Json>
          campaign_id?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          kind: Database["public"]["Enums"]["strategy_document_kind"]
          status?: Database["public"]["Enums"]["strategy_document_status"]
          title: string
          updated_at?: string
          version?: number
          workspace_id: string
        }
        Update: {
          body?: NonNullable<Json>
          campaign_id?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["strategy_document_kind"]
          status?: Database["public"]["Enums"]["strategy_document_status"]
          title?: string
          updated_at?: string
          version?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "strategy_documents_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "strategy_documents_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "strategy_documents_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      supplier_lead_times: {
        Row: {
          created_at: string
          id: string
          is_primary: boolean
          lead_time_days: number
          lead_time_stddev_days: number | null
          min_order_qty: number | null
          product_id: string
          supplier_name: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          is_primary?: boolean
          lead_time_days: number
          lead_time_stddev_days?: number | null
          min_order_qty?: number | null
          product_id: string
          supplier_name: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          id?: string
          is_primary?: boolean
          lead_time_days?: number
          lead_time_stddev_days?: number | null
          min_order_qty?: number | null
          product_id?: string
          supplier_name?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "supplier_lead_times_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "supplier_lead_times_workspace_id_product_id_fkey"
            columns: ["workspace_id", "product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      support_curated_replies: {
        Row: {
          active: boolean
          body: string
          category:
            | Database["public"]["Enums"]["support_ticket_category"]
            | null
          chatwoot_canned_response_id: string | null
          created_at: string
          created_by: string | null
          id: string
          last_used_at: string | null
          short_code: string
          tags: string[]
          title: string
          updated_at: string
          usage_count: number
          workspace_id: string
        }
        Insert: {
          active?: boolean
          body: string
          category?:
            | Database["public"]["Enums"]["support_ticket_category"]
            | null
          chatwoot_canned_response_id?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          last_used_at?: string | null
          short_code: string
          tags?: string[]
          title: string
          updated_at?: string
          usage_count?: number
          workspace_id: string
        }
        Update: {
          active?: boolean
          body?: string
          category?:
            | Database["public"]["Enums"]["support_ticket_category"]
            | null
          chatwoot_canned_response_id?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          last_used_at?: string | null
          short_code?: string
          tags?: string[]
          title?: string
          updated_at?: string
          usage_count?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "support_curated_replies_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      support_tickets: {
        Row: {
          assigned_to: string | null
          body: string
          category: Database["public"]["Enums"]["support_ticket_category"]
          chatwoot_conversation_id: string | null
          closed_at: string | null
          created_at: string
          created_by: string | null
          id: string
          order_id: string | null
          order_number: string | null
          priority: Database["public"]["Enums"]["support_ticket_priority"]
          requester_email: string
          requester_name: string | null
          resolved_at: string | null
          source: Database["public"]["Enums"]["support_ticket_source"]
          status: Database["public"]["Enums"]["support_ticket_status"]
          subject: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          assigned_to?: string | null
          body: string
          category?: Database["public"]["Enums"]["support_ticket_category"]
          chatwoot_conversation_id?: string | null
          closed_at?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          order_id?: string | null
          order_number?: string | null
          priority?: Database["public"]["Enums"]["support_ticket_priority"]
          requester_email: string
          requester_name?: string | null
          resolved_at?: string | null
          source?: Database["public"]["Enums"]["support_ticket_source"]
          status?: Database["public"]["Enums"]["support_ticket_status"]
          subject: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          assigned_to?: string | null
          body?: string
          category?: Database["public"]["Enums"]["support_ticket_category"]
          chatwoot_conversation_id?: string | null
          closed_at?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          order_id?: string | null
          order_number?: string | null
          priority?: Database["public"]["Enums"]["support_ticket_priority"]
          requester_email?: string
          requester_name?: string | null
          resolved_at?: string | null
          source?: Database["public"]["Enums"]["support_ticket_source"]
          status?: Database["public"]["Enums"]["support_ticket_status"]
          subject?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "support_tickets_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "support_tickets_workspace_id_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
        ]
      }
      survey_answer_counts: {
        Row: {
          answer: string
          question_id: string
          responses: number
          workspace_id: string
        }
        Insert: {
          answer: string
          question_id: string
          responses: number
          workspace_id: string
        }
        Update: {
          answer?: string
          question_id?: string
          responses?: number
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "survey_answer_counts_workspace_id_question_id_fkey"
            columns: ["workspace_id", "question_id"]
            isOneToOne: false
            referencedRelation: "survey_questions"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      survey_channel_mappings: {
        Row: {
          answer: string
          channel: Database["public"]["Enums"]["marketing_channel"]
          created_at: string
          created_by: string | null
          source: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          answer: string
          channel: Database["public"]["Enums"]["marketing_channel"]
          created_at?: string
          created_by?: string | null
          source?: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          answer?: string
          channel?: Database["public"]["Enums"]["marketing_channel"]
          created_at?: string
          created_by?: string | null
          source?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "survey_channel_mappings_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      survey_questions: {
        Row: {
          active: boolean
          attribution: boolean
          created_at: string
          external_id: string
          id: string
          kind: Database["public"]["Enums"]["survey_question_kind"]
          last_response_at: string | null
          options: string[]
          position: number
          prompt: string
          response_count: number
          source: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          active?: boolean
          attribution?: boolean
          created_at?: string
          external_id: string
          id?: string
          kind?: Database["public"]["Enums"]["survey_question_kind"]
          last_response_at?: string | null
          options?: string[]
          position?: number
          prompt: string
          response_count?: number
          source?: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          active?: boolean
          attribution?: boolean
          created_at?: string
          external_id?: string
          id?: string
          kind?: Database["public"]["Enums"]["survey_question_kind"]
          last_response_at?: string | null
          options?: string[]
          position?: number
          prompt?: string
          response_count?: number
          source?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "survey_questions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      survey_responses: {
        Row: {
          answers: string[]
          created_at: string
          customer_id: string | null
          external_id: string
          id: number
          order_id: string | null
          other_text: string | null
          question_id: string
          responded_at: string
          shopify_order_id: string | null
          source: string
          workspace_id: string
        }
        Insert: {
          answers?: string[]
          created_at?: string
          customer_id?: string | null
          external_id: string
          id?: never
          order_id?: string | null
          other_text?: string | null
          question_id: string
          responded_at: string
          shopify_order_id?: string | null
          source?: string
          workspace_id: string
        }
        Update: {
          answers?: string[]
          created_at?: string
          customer_id?: string | null
          external_id?: string
          id?: never
          order_id?: string | null
          other_text?: string | null
          question_id?: string
          responded_at?: string
          shopify_order_id?: string | null
          source?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "survey_responses_customer_id_fkey"
            columns: ["customer_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "survey_responses_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "survey_responses_workspace_id_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "survey_responses_workspace_id_question_id_fkey"
            columns: ["question_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "survey_questions"
            referencedColumns: ["id", "workspace_id"]
          },
        ]
      }
      survey_sync_state: {
        Row: {
          created_at: string
          cursor: string | null
          last_response_at: string | null
          last_synced_at: string | null
          responses_synced: number
          source: string
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          cursor?: string | null
          last_response_at?: string | null
          last_synced_at?: string | null
          responses_synced?: number
          source?: string
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          cursor?: string | null
          last_response_at?: string | null
          last_synced_at?: string | null
          responses_synced?: number
          source?: string
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "survey_sync_state_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      touchpoints: {
        Row: {
          campaign: string | null
          channel: Database["public"]["Enums"]["marketing_channel"]
          created_at: string
          fbclid: string | null
          gclid: string | null
          id: number
          landing_url: string | null
          medium: string | null
          occurred_at: string
          referrer: string | null
          source: string | null
          ttclid: string | null
          utm_content: string | null
          utm_id: string | null
          utm_term: string | null
          visitor_id: string
          workspace_id: string
        }
        Insert: {
          campaign?: string | null
          channel: Database["public"]["Enums"]["marketing_channel"]
          created_at?: string
          fbclid?: string | null
          gclid?: string | null
          id?: never
          landing_url?: string | null
          medium?: string | null
          occurred_at?: string
          referrer?: string | null
          source?: string | null
          ttclid?: string | null
          utm_content?: string | null
          utm_id?: string | null
          utm_term?: string | null
          visitor_id: string
          workspace_id: string
        }
        Update: {
          campaign?: string | null
          channel?: Database["public"]["Enums"]["marketing_channel"]
          created_at?: string
          fbclid?: string | null
          gclid?: string | null
          id?: never
          landing_url?: string | null
          medium?: string | null
          occurred_at?: string
          referrer?: string | null
          source?: string | null
          ttclid?: string | null
          utm_content?: string | null
          utm_id?: string | null
          utm_term?: string | null
          visitor_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "touchpoints_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "touchpoints_workspace_id_visitor_id_fkey"
            columns: ["workspace_id", "visitor_id"]
            isOneToOne: false
            referencedRelation: "visitors"
            referencedColumns: ["workspace_id", "visitor_id"]
          },
        ]
      }
      user_analytics_events: {
        Row: {
          created_at: string
          event_name: string
          id: number
          occurred_at: string
          page: string | null
          properties: NonNullable<Json>
          session_id: string | null
          user_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          event_name: string
          id?: never
          occurred_at?: string
          page?: string | null
          properties?: NonNullable<Json>
          session_id?: string | null
          user_id?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          event_name?: string
          id?: never
          occurred_at?: string
          page?: string | null
          properties?: NonNullable<Json>
          session_id?: string | null
          user_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_analytics_events_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      user_preferences: {
        Row: {
          created_at: string
          default_workspace_id: string | null
          interface_mode: Database["public"]["Enums"]["interface_mode"]
          locale: string
          notifications: NonNullable<Json>
          theme: string
          timezone: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          default_workspace_id?: string | null
          interface_mode?: Database["public"]["Enums"]["interface_mode"]
          locale?: string
          notifications?: NonNullable<Json>
          theme?: string
          timezone?: string
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          default_workspace_id?: string | null
          interface_mode?: Database["public"]["Enums"]["interface_mode"]
          locale?: string
          notifications?: NonNullable<Json>
          theme?: string
          timezone?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_preferences_default_workspace_id_fkey"
            columns: ["default_workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      user_privacy_settings: {
        Row: {
          analytics_consent: boolean
          consent_updated_at: string | null
          created_at: string
          data_processing_consent: boolean
          data_retention_days: number
          marketing_consent: boolean
          third_party_consent: boolean
          updated_at: string
          user_id: string
        }
        Insert: {
          analytics_consent?: boolean
          consent_updated_at?: string | null
          created_at?: string
          data_processing_consent?: boolean
          data_retention_days?: number
          marketing_consent?: boolean
          third_party_consent?: boolean
          updated_at?: string
          user_id?: string
        }
        Update: {
          analytics_consent?: boolean
          consent_updated_at?: string | null
          created_at?: string
          data_processing_consent?: boolean
          data_retention_days?: number
          marketing_consent?: boolean
          third_party_consent?: boolean
          updated_at?: string
          user_id?: string
        }
        Relationships: []
      }
      user_secrets: {
        Row: {
          created_at: string
          hint: string | null
          id: string
          last_used_at: string | null
          name: string
          provider: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          hint?: string | null
          id?: string
          last_used_at?: string | null
          name: string
          provider: string
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          hint?: string | null
          id?: string
          last_used_at?: string | null
          name?: string
          provider?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: []
      }
      video_comments: {
        Row: {
          body: string
          created_at: string
          id: string
          parent_id: string | null
          resolved_at: string | null
          timestamp_seconds: number | null
          updated_at: string
          user_id: string
          video_id: string
          workspace_id: string
        }
        Insert: {
          body: string
          created_at?: string
          id?: string
          parent_id?: string | null
          resolved_at?: string | null
          timestamp_seconds?: number | null
          updated_at?: string
          user_id?: string
          video_id: string
          workspace_id: string
        }
        Update: {
          body?: string
          created_at?: string
          id?: string
          parent_id?: string | null
          resolved_at?: string | null
          timestamp_seconds?: number | null
          updated_at?: string
          user_id?: string
          video_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "video_comments_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "video_comments_workspace_id_parent_id_fkey"
            columns: ["workspace_id", "parent_id"]
            isOneToOne: false
            referencedRelation: "video_comments"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "video_comments_workspace_id_video_id_fkey"
            columns: ["workspace_id", "video_id"]
            isOneToOne: false
            referencedRelation: "videos"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      video_folders: {
        Row: {
          created_at: string
          created_by: string | null
          id: string
          name: string
          parent_id: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          id?: string
          name: string
          parent_id?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          id?: string
          name?: string
          parent_id?: string | null
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "video_folders_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "video_folders_workspace_id_parent_id_fkey"
            columns: ["workspace_id", "parent_id"]
            isOneToOne: false
            referencedRelation: "video_folders"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      video_permissions: {
        Row: {
          created_at: string
          granted_by: string | null
          id: string
          permission_level: Database["public"]["Enums"]["video_permission_level"]
          updated_at: string
          user_id: string
          video_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          granted_by?: string | null
          id?: string
          permission_level?: Database["public"]["Enums"]["video_permission_level"]
          updated_at?: string
          user_id: string
          video_id: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          granted_by?: string | null
          id?: string
          permission_level?: Database["public"]["Enums"]["video_permission_level"]
          updated_at?: string
          user_id?: string
          video_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "video_permissions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "video_permissions_workspace_id_video_id_fkey"
            columns: ["workspace_id", "video_id"]
            isOneToOne: false
            referencedRelation: "videos"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      video_transcript_segments: {
        Row: {
          content: string
          created_at: string
          end_seconds: number
          language: string | null
          segment_index: number
          start_seconds: number
          updated_at: string
          video_id: string
          workspace_id: string
        }
        Insert: {
          content: string
          created_at?: string
          end_seconds: number
          language?: string | null
          segment_index: number
          start_seconds: number
          updated_at?: string
          video_id: string
          workspace_id: string
        }
        Update: {
          content?: string
          created_at?: string
          end_seconds?: number
          language?: string | null
          segment_index?: number
          start_seconds?: number
          updated_at?: string
          video_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "video_transcript_segments_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "video_transcript_segments_workspace_id_video_id_fkey"
            columns: ["workspace_id", "video_id"]
            isOneToOne: false
            referencedRelation: "videos"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      videos: {
        Row: {
          created_at: string
          created_by: string | null
          deleted_at: string | null
          description: string | null
          duration_seconds: number | null
          error: string | null
          folder_id: string | null
          id: string
          mux_asset_id: string | null
          mux_playback_id: string | null
          mux_upload_id: string | null
          size_bytes: number | null
          status: Database["public"]["Enums"]["video_status"]
          storage_path: string | null
          thumbnail_url: string | null
          title: string
          transcription_status: Database["public"]["Enums"]["media_processing_status"]
          transcription_text: string | null
          updated_at: string
          view_count: number
          visibility: Database["public"]["Enums"]["video_visibility"]
          workspace_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          description?: string | null
          duration_seconds?: number | null
          error?: string | null
          folder_id?: string | null
          id?: string
          mux_asset_id?: string | null
          mux_playback_id?: string | null
          mux_upload_id?: string | null
          size_bytes?: number | null
          status?: Database["public"]["Enums"]["video_status"]
          storage_path?: string | null
          thumbnail_url?: string | null
          title: string
          transcription_status?: Database["public"]["Enums"]["media_processing_status"]
          transcription_text?: string | null
          updated_at?: string
          view_count?: number
          visibility?: Database["public"]["Enums"]["video_visibility"]
          workspace_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          description?: string | null
          duration_seconds?: number | null
          error?: string | null
          folder_id?: string | null
          id?: string
          mux_asset_id?: string | null
          mux_playback_id?: string | null
          mux_upload_id?: string | null
          size_bytes?: number | null
          status?: Database["public"]["Enums"]["video_status"]
          storage_path?: string | null
          thumbnail_url?: string | null
          title?: string
          transcription_status?: Database["public"]["Enums"]["media_processing_status"]
          transcription_text?: string | null
          updated_at?: string
          view_count?: number
          visibility?: Database["public"]["Enums"]["video_visibility"]
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "videos_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "videos_workspace_id_folder_id_fkey"
            columns: ["workspace_id", "folder_id"]
            isOneToOne: false
            referencedRelation: "video_folders"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      visitors: {
        Row: {
          created_at: string
          first_seen_at: string
          id: string
          identified_at: string | null
          identity_id: string | null
          last_seen_at: string
          updated_at: string
          visitor_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          first_seen_at?: string
          id?: string
          identified_at?: string | null
          identity_id?: string | null
          last_seen_at?: string
          updated_at?: string
          visitor_id: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          first_seen_at?: string
          id?: string
          identified_at?: string | null
          identity_id?: string | null
          last_seen_at?: string
          updated_at?: string
          visitor_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "visitors_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "visitors_workspace_id_identity_id_fkey"
            columns: ["workspace_id", "identity_id"]
            isOneToOne: false
            referencedRelation: "customer_identities"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      webhook_deliveries: {
        Row: {
          attempts: number
          created_at: string
          delivered_at: string | null
          endpoint_id: string
          event_type: string
          id: number
          last_error: string | null
          last_status_code: number | null
          message_id: string
          next_attempt_at: string
          payload: NonNullable<Json>
          status: Database["public"]["Enums"]["webhook_delivery_status"]
          workspace_id: string
        }
        Insert: {
          attempts?: number
          created_at?: string
          delivered_at?: string | null
          endpoint_id: string
          event_type: string
          id?: never
          last_error?: string | null
          last_status_code?: number | null
          message_id?: string
          next_attempt_at?: string
          payload: NonNullable<Json>
          status?: Database["public"]["Enums"]["webhook_delivery_status"]
          workspace_id: string
        }
        Update: {
          attempts?: number
          created_at?: string
          delivered_at?: string | null
          endpoint_id?: string
          event_type?: string
          id?: never
          last_error?: string | null
          last_status_code?: number | null
          message_id?: string
          next_attempt_at?: string
          payload?: NonNullable<Json>
          status?: Database["public"]["Enums"]["webhook_delivery_status"]
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_deliveries_endpoint_id_fkey"
            columns: ["endpoint_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "webhook_endpoints"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "webhook_deliveries_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_endpoints: {
        Row: {
          consecutive_failures: number
          created_at: string
          description: string | null
          disabled_at: string | null
          disabled_reason: string | null
          enabled: boolean
          events: string[]
          id: string
          updated_at: string
          url: string
          workspace_id: string
        }
        Insert: {
          consecutive_failures?: number
          created_at?: string
          description?: string | null
          disabled_at?: string | null
          disabled_reason?: string | null
          enabled?: boolean
          events: string[]
          id?: string
          updated_at?: string
          url: string
          workspace_id: string
        }
        Update: {
          consecutive_failures?: number
          created_at?: string
          description?: string | null
          disabled_at?: string | null
          disabled_reason?: string | null
          enabled?: boolean
          events?: string[]
          id?: string
          updated_at?: string
          url?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_endpoints_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_event_types: {
        Row: {
          description: string
          name: string
        }
        Insert: {
          description: string
          name: string
        }
        Update: {
          description?: string
          name?: string
        }
        Relationships: []
      }
      workflow_executions: {
        Row: {
          actions_cancelled: number
          actions_failed: number
          actions_succeeded: number
          actions_total: number
          created_at: string
          depth: number
          entity_id: string | null
          finished_at: string | null
          id: string
          results: NonNullable<Json>
          rule_id: string
          started_at: string
          started_by: string | null
          status: Database["public"]["Enums"]["workflow_execution_status"]
          subject: NonNullable<Json>
          trigger_type: Database["public"]["Enums"]["workflow_trigger"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          actions_cancelled?: number
          actions_failed?: number
          actions_succeeded?: number
          actions_total: number
          created_at?: string
          depth?: number
          entity_id?: string | null
          finished_at?: string | null
          id?: string
          results?: NonNullable<Json>
          rule_id: string
          started_at?: string
          started_by?: string | null
          status?: Database["public"]["Enums"]["workflow_execution_status"]
          subject: NonNullable<Json>
          trigger_type: Database["public"]["Enums"]["workflow_trigger"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          actions_cancelled?: number
          actions_failed?: number
          actions_succeeded?: number
          actions_total?: number
          created_at?: string
          depth?: number
          entity_id?: string | null
          finished_at?: string | null
          id?: string
          results?: NonNullable<Json>
          rule_id?: string
          started_at?: string
          started_by?: string | null
          status?: Database["public"]["Enums"]["workflow_execution_status"]
          subject?: NonNullable<Json>
          trigger_type?: Database["public"]["Enums"]["workflow_trigger"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_executions_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workflow_executions_workspace_id_rule_id_fkey"
            columns: ["workspace_id", "rule_id"]
            isOneToOne: false
            referencedRelation: "workflow_rules"
            referencedColumns: ["workspace_id", "id"]
          },
        ]
      }
      workflow_rules: {
        Row: {
          actions: NonNullable<Json>
          active: boolean
          conditions: NonNullable<Json>
          created_at: string
          created_by: string | null
          description: string | null
          id: string
          name: string
          trigger_type: Database["public"]["Enums"]["workflow_trigger"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          actions: NonNullable<Json>
          active?: boolean
          conditions?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          name: string
          trigger_type: Database["public"]["Enums"]["workflow_trigger"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          actions?: NonNullable<Json>
          active?: boolean
          conditions?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          name?: string
          trigger_type?: Database["public"]["Enums"]["workflow_trigger"]
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_rules_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      workspace_invitations: {
        Row: {
          accepted_at: string | null
          accepted_by: string | null
          created_at: string
          email: string
          expires_at: string
          id: string
          invited_by: string | null
          role: Database["public"]["Enums"]["workspace_role"]
          workspace_id: string
        }
        Insert: {
          accepted_at?: string | null
          accepted_by?: string | null
          created_at?: string
          email: string
          expires_at?: string
          id?: string
          invited_by?: string | null
          role?: Database["public"]["Enums"]["workspace_role"]
          workspace_id: string
        }
        Update: {
          accepted_at?: string | null
          accepted_by?: string | null
          created_at?: string
          email?: string
          expires_at?: string
          id?: string
          invited_by?: string | null
          role?: Database["public"]["Enums"]["workspace_role"]
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workspace_invitations_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      workspace_members: {
        Row: {
          created_at: string
          role: Database["public"]["Enums"]["workspace_role"]
          updated_at: string
          user_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          role?: Database["public"]["Enums"]["workspace_role"]
          updated_at?: string
          user_id: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          role?: Database["public"]["Enums"]["workspace_role"]
          updated_at?: string
          user_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workspace_members_user_id_profile_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workspace_members_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      workspace_ownership_transfers: {
        Row: {
          created_at: string
          expires_at: string
          from_user_id: string
          to_user_id: string
          workspace_id: string
        }
        Insert: {
          created_at?: string
          expires_at?: string
          from_user_id: string
          to_user_id: string
          workspace_id: string
        }
        Update: {
          created_at?: string
          expires_at?: string
          from_user_id?: string
          to_user_id?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workspace_ownership_transfers_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: true
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      workspace_storage_usage: {
        Row: {
          bucket_id: string
          bytes: number
          objects: number
          updated_at: string
          workspace_id: string
        }
        Insert: {
          bucket_id: string
          bytes?: number
          objects?: number
          updated_at?: string
          workspace_id: string
        }
        Update: {
          bucket_id?: string
          bytes?: number
          objects?: number
          updated_at?: string
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workspace_storage_usage_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      workspaces: {
        Row: {
          created_at: string
          created_by: string | null
          id: string
          name: string
          plan: Database["public"]["Enums"]["workspace_plan"]
          shop_domain: string | null
          slug: string
          storage_quota_bytes: number | null
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          id?: string
          name: string
          plan?: Database["public"]["Enums"]["workspace_plan"]
          shop_domain?: string | null
          slug: string
          storage_quota_bytes?: number | null
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          id?: string
          name?: string
          plan?: Database["public"]["Enums"]["workspace_plan"]
          shop_domain?: string | null
          slug?: string
          storage_quota_bytes?: number | null
          updated_at?: string
        }
        Relationships: []
      }
    }
    Views: {
      ads_blended_roas_row: {
        Row: {
          ad_spend_cents: number
          mer: number | null
          order_revenue_cents: number
          orders: number
          platform_revenue_cents: number
          platform_roas: number | null
        }
        Relationships: []
      }
      ads_dashboard_row: {
        Row: {
          clicks: number
          conversions: number
          cpa_cents: number | null
          ctr: number | null
          impressions: number
          key: string
          label: string
          revenue_cents: number
          roas: number | null
          spend_cents: number
        }
        Relationships: []
      }
      ads_roas_tile_row: {
        Row: {
          change: number | null
          previous_roas: number | null
          revenue_cents: number
          roas: number | null
          spend_cents: number
        }
        Relationships: []
      }
      agent_budget_row: {
        Row: {
          exhausted: boolean
          monthly_budget_micros: number
          period_start: string
          remaining_micros: number
          renews_on: string
          spent_micros: number
        }
        Relationships: []
      }
      agent_metrics: {
        Row: {
          agent_id: string | null
          avg_duration_ms: number | null
          cost_micros: number | null
          failed: number | null
          key: string | null
          last_run_at: string | null
          name: string | null
          p95_duration_ms: number | null
          runs: number | null
          status: Database["public"]["Enums"]["agent_status"] | null
          succeeded: number | null
          success_rate: number | null
          tokens: number | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "agents_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      agent_metrics_daily: {
        Row: {
          agent_id: string | null
          avg_duration_ms: number | null
          cost_micros: number | null
          day: string | null
          failed: number | null
          runs: number | null
          succeeded: number | null
          tokens: number | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "agent_runs_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agent_metrics"
            referencedColumns: ["workspace_id", "agent_id"]
          },
          {
            foreignKeyName: "agent_runs_workspace_id_agent_id_fkey"
            columns: ["workspace_id", "agent_id"]
            isOneToOne: false
            referencedRelation: "agents"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "agent_runs_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      ai_video_stats: {
        Row: {
          auto_generated: number | null
          avg_generation_seconds: number | null
          completed: number | null
          failed: number | null
          in_progress: number | null
          jobs: number | null
          projects: number | null
          total_cost_micros: number | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ai_video_projects_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      analytics_sources: {
        Row: {
          backfill_days: number | null
          connection_id: string | null
          connection_status:
            | Database["public"]["Enums"]["connection_status"]
            | null
          enabled: boolean | null
          external_account_id: string | null
          health: Database["public"]["Enums"]["connection_health"] | null
          health_changed_at: string | null
          last_error: string | null
          last_success_at: string | null
          last_sync_status:
            | Database["public"]["Enums"]["analytics_sync_status"]
            | null
          last_synced_at: string | null
          next_attempt_at: string | null
          provider: Database["public"]["Enums"]["integration_provider"] | null
          recent_days: number | null
          source: Database["public"]["Enums"]["analytics_source"] | null
          throttled_until: string | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "analytics_sync_schedules_workspace_id_connection_id_fkey"
            columns: ["workspace_id", "connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "analytics_sync_schedules_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      attribution_report_row: {
        Row: {
          ad_campaign_id: string | null
          attributed_revenue_cents: number
          channel: Database["public"]["Enums"]["marketing_channel"] | null
          conversions: number
          key: string
          label: string
          roas: number | null
          spend_cents: number | null
        }
        Relationships: []
      }
      autopilot_cron_monitor: {
        Row: {
          active: boolean | null
          autopilot_enabled: boolean | null
          cron_job_name: string | null
          failures: number | null
          job: Database["public"]["Enums"]["autopilot_job"] | null
          job_enabled: boolean | null
          last_error: string | null
          last_result: Json | null
          last_run_at: string | null
          last_status:
            | Database["public"]["Enums"]["autopilot_run_status"]
            | null
          next_run_at: string | null
          overdue: boolean | null
          runs: number | null
          schedule: string | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "autopilot_cron_schedule_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      autopilot_dashboard_row: {
        Row: {
          active_campaigns: number
          activities_7d: number
          as_of: string
          auto_managed_campaigns: number
          autopilot_enabled: boolean
          average_lead_score: number | null
          budget_used: number | null
          converted_leads_30d: number
          currency: string
          hot_leads: number
          last_report_roi: number | null
          last_report_week_start: string | null
          month_revenue_cents: number
          month_roas: number | null
          month_spend_cents: number
          monthly_budget_cents: number | null
          new_leads_7d: number
          next_optimisation_at: string | null
          next_weekly_report_at: string | null
          open_leads: number
          open_tasks: number
          overdue_tasks: number
          pending_approvals: number
          total_leads: number
          workspace_id: string
        }
        Relationships: []
      }
      autopilot_lead_inbox: {
        Row: {
          activities_7d: number | null
          campaign_id: string | null
          campaign_name: string | null
          company: string | null
          created_at: string | null
          email: string | null
          full_name: string | null
          is_hot: boolean | null
          last_activity_at: string | null
          last_activity_type:
            | Database["public"]["Enums"]["lead_activity_type"]
            | null
          lead_id: string | null
          owner_id: string | null
          score: number | null
          source: Database["public"]["Enums"]["lead_source"] | null
          status: Database["public"]["Enums"]["lead_status"] | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "leads_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaign_performance_monitor"
            referencedColumns: ["workspace_id", "campaign_id"]
          },
          {
            foreignKeyName: "leads_workspace_id_campaign_id_fkey"
            columns: ["workspace_id", "campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["workspace_id", "id"]
          },
          {
            foreignKeyName: "leads_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      autopilot_proposal_row: {
        Row: {
          ad_campaign_id: string
          amount_cents: number | null
          campaign_id: string
          dedupe_key: string
          kind: Database["public"]["Enums"]["autopilot_proposal_kind"]
          payload: NonNullable<Json>
          reason: string
          revenue_7d_cents: number
          roas_7d: number
          spend_7d_cents: number
          target_ad_campaign_id: string | null
          target_roas: number
          workspace_id: string
        }
        Relationships: []
      }
      campaign_performance_monitor: {
        Row: {
          ad_campaigns: number | null
          ad_revenue_cents: number | null
          ad_spend_cents: number | null
          auto_managed: boolean | null
          budget_cents: number | null
          budget_used: number | null
          campaign_id: string | null
          conversions: number | null
          converted_leads: number | null
          currency: string | null
          done_tasks: number | null
          end_date: string | null
          leads: number | null
          name: string | null
          open_tasks: number | null
          other_revenue_cents: number | null
          other_spend_cents: number | null
          overdue_tasks: number | null
          revenue_cents: number | null
          roas: number | null
          spend_cents: number | null
          start_date: string | null
          status: Database["public"]["Enums"]["campaign_status"] | null
          target_roas: number | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "campaigns_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      dashboard_tiles_row: {
        Row: {
          ad_revenue_cents: number
          ad_spend_cents: number
          approvals_expiring_24h: number
          as_of: string
          average_order_cents: number | null
          lowest_weeks_of_supply: number | null
          oldest_pending_approval_at: string | null
          open_alerts: number
          open_errors: number
          orders: number
          pending_approvals: number
          previous_revenue_cents: number
          previous_roas: number | null
          reorder_points_computed_at: string | null
          revenue_cents: number
          revenue_change: number | null
          revenue_currency: string | null
          roas: number | null
          roas_change: number | null
          skus_below_reorder_point: number
          skus_tracked: number
          urgent_approvals: number
        }
        Relationships: []
      }
      data_deletion_requests: {
        Row: {
          completed_at: string | null
          confirm_by: string | null
          confirmation_required: boolean | null
          confirmed_at: string | null
          details: Json | null
          error: string | null
          id: string | null
          requested_at: string | null
          source: string | null
          status: Database["public"]["Enums"]["privacy_request_status"] | null
          user_id: string | null
          workspace_id: string | null
        }
        Insert: {
          completed_at?: string | null
          confirm_by?: string | null
          confirmation_required?: boolean | null
          confirmed_at?: string | null
          details?: Json | null
          error?: string | null
          id?: string | null
          requested_at?: string | null
          source?: string | null
          status?: Database["public"]["Enums"]["privacy_request_status"] | null
          user_id?: string | null
          workspace_id?: string | null
        }
        Update: {
          completed_at?: string | null
          confirm_by?: string | null
          confirmation_required?: boolean | null
          confirmed_at?: string | null
          details?: Json | null
          error?: string | null
          id?: string | null
          requested_at?: string | null
          source?: string | null
          status?: Database["public"]["Enums"]["privacy_request_status"] | null
          user_id?: string | null
          workspace_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "privacy_requests_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      data_export_requests: {
        Row: {
          completed_at: string | null
          download_expires_at: string | null
          error: string | null
          export_bytes: number | null
          export_path: string | null
          id: string | null
          requested_at: string | null
          source: string | null
          started_at: string | null
          status: Database["public"]["Enums"]["privacy_request_status"] | null
          user_id: string | null
          workspace_id: string | null
        }
        Insert: {
          completed_at?: string | null
          download_expires_at?: string | null
          error?: string | null
          export_bytes?: number | null
          export_path?: string | null
          id?: string | null
          requested_at?: string | null
          source?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["privacy_request_status"] | null
          user_id?: string | null
          workspace_id?: string | null
        }
        Update: {
          completed_at?: string | null
          download_expires_at?: string | null
          error?: string | null
          export_bytes?: number | null
          export_path?: string | null
          id?: string | null
          requested_at?: string | null
          source?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["privacy_request_status"] | null
          user_id?: string | null
          workspace_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "privacy_requests_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      demo_stats: {
        Row: {
          conversation_count: number | null
          conversation_minutes: number | null
          cta_clicks: number | null
          cta_conversion_rate: number | null
          demo_id: string | null
          knowledge_chunk_count: number | null
          last_conversation_at: string | null
          message_count: number | null
          negative_messages: number | null
          neutral_messages: number | null
          positive_messages: number | null
          ready_video_count: number | null
          total_video_duration: number | null
          video_count: number | null
          workspace_id: string | null
        }
        Insert: {
          conversation_count?: never
          conversation_minutes?: never
          cta_clicks?: never
          cta_conversion_rate?: never
          demo_id?: string | null
          knowledge_chunk_count?: never
          last_conversation_at?: never
          message_count?: never
          negative_messages?: never
          neutral_messages?: never
          positive_messages?: never
          ready_video_count?: never
          total_video_duration?: never
          video_count?: never
          workspace_id?: string | null
        }
        Update: {
          conversation_count?: never
          conversation_minutes?: never
          cta_clicks?: never
          cta_conversion_rate?: never
          demo_id?: string | null
          knowledge_chunk_count?: never
          last_conversation_at?: never
          message_count?: never
          negative_messages?: never
          neutral_messages?: never
          positive_messages?: never
          ready_video_count?: never
          total_video_duration?: never
          video_count?: never
          workspace_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "demos_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      experiment_assignment_row: {
        Row: {
          assigned_at: string | null
          experiment_key: string
          in_experiment: boolean
          variant_config: Json | null
          variant_key: string | null
          variant_url: string | null
        }
        Relationships: []
      }
      knowledge_match_row: {
        Row: {
          answer: string | null
          chunk_index: number
          collection_id: string
          content: string
          document_id: string
          document_title: string | null
          id: string
          metadata: NonNullable<Json>
          question: string | null
          score: number
          similarity: number | null
          source: string | null
          text_rank: number | null
          workspace_id: string
        }
        Relationships: []
      }
      model_discovery_status: {
        Row: {
          consecutive_failures: number | null
          due_now: boolean | null
          last_error: string | null
          last_run_at: string | null
          last_status:
            | Database["public"]["Enums"]["discovery_run_status"]
            | null
          last_success_at: string | null
          models_needing_review: number | null
        }
        Relationships: []
      }
      open_review_request_row: {
        Row: {
          expires_at: string
          order_number: string | null
          products: NonNullable<Json>
          workspace_id: string
        }
        Relationships: []
      }
      order_revenue_daily: {
        Row: {
          currency: string | null
          day: string | null
          net_revenue_cents: number | null
          orders: number | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "orders_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      product_rating_row: {
        Row: {
          average_rating: number | null
          rating_1: number
          rating_2: number
          rating_3: number
          rating_4: number
          rating_5: number
          review_count: number
          shopify_product_id: string
        }
        Relationships: []
      }
      product_reviews_row: {
        Row: {
          author_name: string
          body: string
          helpful_count: number
          id: string
          media: NonNullable<Json>
          rating: number
          responded_at: string | null
          response_author_name: string | null
          response_body: string | null
          shopify_product_id: string
          submitted_at: string
          title: string | null
          unhelpful_count: number
          verified_purchase: boolean
        }
        Relationships: []
      }
      public_demos: {
        Row: {
          agent_greeting: string | null
          agent_name: string | null
          agent_objectives: string[] | null
          agent_personality: string | null
          cta_link: string | null
          cta_text: string | null
          description: string | null
          id: string | null
          name: string | null
          published_at: string | null
          videos: Json | null
          workspace_id: string | null
        }
        Insert: {
          agent_greeting?: string | null
          agent_name?: string | null
          agent_objectives?: string[] | null
          agent_personality?: string | null
          cta_link?: string | null
          cta_text?: string | null
          description?: string | null
          id?: string | null
          name?: string | null
          published_at?: string | null
          videos?: never
          workspace_id?: string | null
        }
        Update: {
          agent_greeting?: string | null
          agent_name?: string | null
          agent_objectives?: string[] | null
          agent_personality?: string | null
          cta_link?: string | null
          cta_text?: string | null
          description?: string | null
          id?: string | null
          name?: string | null
          published_at?: string | null
          videos?: never
          workspace_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "demos_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
        ]
      }
      reorder_point_row: {
        Row: {
          on_hand: number | null
          product_id: string
          reorder_point: number | null
          sku: string | null
          title: string
          weeks_of_supply: number | null
        }
        Relationships: []
      }
      search_performance_row: {
        Row: {
          avg_position: number | null
          clicks: number
          ctr: number | null
          impressions: number
          key: string | null
        }
        Relationships: []
      }
      self_reported_attribution_row: {
        Row: {
          agreement: number | null
          channel: Database["public"]["Enums"]["marketing_channel"] | null
          modelled_orders: number
          modelled_revenue_cents: number
          orders: number
          responses: number
          self_reported_revenue_cents: number
        }
        Relationships: []
      }
      seo_overview_row: {
        Row: {
          audited_on: string | null
          avg_cls: number | null
          avg_inp_ms: number | null
          avg_lcp_ms: number | null
          avg_position: number | null
          clicks: number
          content_score: number | null
          critical_issues: number | null
          ctr: number | null
          high_priority_issues: number | null
          impressions: number
          overall_score: number | null
          pages_audited: number | null
          pages_with_clicks: number
          performance_score: number | null
          previous_clicks: number
          previous_impressions: number
          previous_performance_score: number | null
          queries: number
          technical_score: number | null
          vitals_source: Database["public"]["Enums"]["web_vitals_source"] | null
        }
        Relationships: []
      }
      social_overview_row: {
        Row: {
          accounts: number
          engagement_rate: number | null
          followers: number | null
          followers_change: number | null
          platform: Database["public"]["Enums"]["social_platform"]
          post_engagements: number
          post_reach: number | null
          post_views: number
          posts_published: number
          profile_views: number | null
          reach: number | null
          scheduled_waiting: number
        }
        Relationships: []
      }
      survey_feed: {
        Row: {
          answers: string[] | null
          customer_id: string | null
          id: number | null
          order_id: string | null
          other_text: string | null
          question_id: string | null
          question_kind:
            | Database["public"]["Enums"]["survey_question_kind"]
            | null
          question_prompt: string | null
          responded_at: string | null
          shopify_order_id: string | null
          workspace_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "survey_responses_customer_id_fkey"
            columns: ["customer_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "survey_responses_workspace_id_fkey"
            columns: ["workspace_id"]
            isOneToOne: false
            referencedRelation: "workspaces"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "survey_responses_workspace_id_order_id_fkey"
            columns: ["order_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "workspace_id"]
          },
          {
            foreignKeyName: "survey_responses_workspace_id_question_id_fkey"
            columns: ["question_id", "workspace_id"]
            isOneToOne: false
            referencedRelation: "survey_questions"
            referencedColumns: ["id", "workspace_id"]
          },
        ]
      }
      webhook_event_row: {
        Row: {
          deliveries: number
          error: string | null
          id: number
          process_attempts: number
          processed_at: string | null
          provider: Database["public"]["Enums"]["webhook_provider"]
          received_at: string
          status: Database["public"]["Enums"]["webhook_event_status"]
          topic: string
        }
        Relationships: []
      }
    }
    Functions: {
      accept_workspace_invitation: {
        Args: { p_token: string }
        Returns: string
      }
      accept_workspace_ownership: {
        Args: { p_workspace_id: string }
        Returns: {
          created_at: string
          role: Database["public"]["Enums"]["workspace_role"]
          updated_at: string
          user_id: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "workspace_members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      add_agent_memory: {
        Args: {
          p_agent_id: string
          p_content: string
          p_memory_type?: string
          p_workspace_id: string
        }
        Returns: string
      }
      ads_blended_roas: {
        Args: { p_from: string; p_to: string; p_workspace_id: string }
        Returns: {
          ad_spend_cents: number
          mer: number | null
          order_revenue_cents: number
          orders: number
          platform_revenue_cents: number
          platform_roas: number | null
        }
        SetofOptions: {
          from: "*"
          to: "ads_blended_roas_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      ads_currencies: {
        Args: { p_from: string; p_to: string; p_workspace_id: string }
        Returns: {
          currency: string
          spend_cents: number
        }[]
      }
      ads_dashboard: {
        Args: {
          p_from: string
          p_group_by: Database["public"]["Enums"]["ads_group_by"]
          p_to: string
          p_workspace_id: string
        }
        Returns: {
          clicks: number
          conversions: number
          cpa_cents: number | null
          ctr: number | null
          impressions: number
          key: string
          label: string
          revenue_cents: number
          roas: number | null
          spend_cents: number
        }[]
        SetofOptions: {
          from: "*"
          to: "ads_dashboard_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      ads_roas_tile: {
        Args: { p_today?: string; p_workspace_id: string }
        Returns: {
          change: number | null
          previous_roas: number | null
          revenue_cents: number
          roas: number | null
          spend_cents: number
        }
        SetofOptions: {
          from: "*"
          to: "ads_roas_tile_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      agent_budget: {
        Args: { p_workspace_id: string }
        Returns: {
          exhausted: boolean
          monthly_budget_micros: number
          period_start: string
          remaining_micros: number
          renews_on: string
          spent_micros: number
        }
        SetofOptions: {
          from: "*"
          to: "agent_budget_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      assign_experiment: {
        Args: {
          p_context?: Json
          p_experiment_key: string
          p_visitor_id: string
          p_workspace_id: string
        }
        Returns: {
          assigned_at: string | null
          experiment_key: string
          in_experiment: boolean
          variant_config: Json | null
          variant_key: string | null
          variant_url: string | null
        }
        SetofOptions: {
          from: "*"
          to: "experiment_assignment_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      attribution_report: {
        Args: {
          p_from: string
          p_group_by?: Database["public"]["Enums"]["attribution_group_by"]
          p_model?: Database["public"]["Enums"]["attribution_model"]
          p_to: string
          p_workspace_id: string
        }
        Returns: {
          ad_campaign_id: string | null
          attributed_revenue_cents: number
          channel: Database["public"]["Enums"]["marketing_channel"] | null
          conversions: number
          key: string
          label: string
          roas: number | null
          spend_cents: number | null
        }[]
        SetofOptions: {
          from: "*"
          to: "attribution_report_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      cancel_privacy_request: {
        Args: { p_request_id: string }
        Returns: {
          attempts: number
          completed_at: string | null
          confirm_by: string | null
          confirmation_required: boolean
          confirmed_at: string | null
          created_at: string
          details: NonNullable<Json>
          download_expires_at: string | null
          error: string | null
          export_bytes: number | null
          export_path: string | null
          export_removed_at: string | null
          id: string
          kind: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at: string
          requested_by: string | null
          source: string
          started_at: string | null
          status: Database["public"]["Enums"]["privacy_request_status"]
          subject: NonNullable<Json>
          subject_sha256: string | null
          updated_at: string
          user_id: string | null
          workspace_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "privacy_requests"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      cancel_review_request: {
        Args: { p_request_id: string }
        Returns: {
          attempts: number
          cancel_reason: string | null
          cancelled_at: string | null
          claimed_until: string | null
          completed_at: string | null
          created_at: string
          created_by: string | null
          due_at: string | null
          email_status:
            | Database["public"]["Enums"]["email_delivery_status"]
            | null
          email_status_at: string | null
          id: string
          last_error: string | null
          opened_at: string | null
          order_id: string
          provider_message_id: string | null
          send_after: string
          sent_at: string | null
          shopify_product_ids: string[]
          status: Database["public"]["Enums"]["review_request_status"]
          trigger_event: Database["public"]["Enums"]["review_request_trigger"]
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "review_requests"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      cancel_scheduled_action: {
        Args: { p_id: number }
        Returns: {
          action_index: number
          action_type: Database["public"]["Enums"]["workflow_action_type"]
          attempts: number
          created_at: string
          executed_at: string | null
          execution_id: string
          id: number
          last_error: string | null
          max_attempts: number
          params: NonNullable<Json>
          result: Json | null
          scheduled_for: string
          status: Database["public"]["Enums"]["scheduled_action_status"]
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "scheduled_actions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      confirm_account_erasure: {
        Args: { p_request_id: string; p_token: string }
        Returns: {
          attempts: number
          completed_at: string | null
          confirm_by: string | null
          confirmation_required: boolean
          confirmed_at: string | null
          created_at: string
          details: NonNullable<Json>
          download_expires_at: string | null
          error: string | null
          export_bytes: number | null
          export_path: string | null
          export_removed_at: string | null
          id: string
          kind: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at: string
          requested_by: string | null
          source: string
          started_at: string | null
          status: Database["public"]["Enums"]["privacy_request_status"]
          subject: NonNullable<Json>
          subject_sha256: string | null
          updated_at: string
          user_id: string | null
          workspace_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "privacy_requests"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      connect_pagespeed: {
        Args: { p_site_url: string; p_workspace_id: string }
        Returns: string
      }
      create_support_ticket: {
        Args: {
          p_body: string
          p_category?: Database["public"]["Enums"]["support_ticket_category"]
          p_email: string
          p_name?: string
          p_order_number?: string
          p_subject: string
          p_workspace_id: string
        }
        Returns: {
          created_at: string
          status: Database["public"]["Enums"]["support_ticket_status"]
          ticket_id: string
        }[]
      }
      create_video_upload: {
        Args: {
          p_description?: string
          p_folder_id?: string
          p_size_bytes: number
          p_title: string
          p_visibility?: Database["public"]["Enums"]["video_visibility"]
          p_workspace_id: string
        }
        Returns: {
          created_at: string
          created_by: string | null
          deleted_at: string | null
          description: string | null
          duration_seconds: number | null
          error: string | null
          folder_id: string | null
          id: string
          mux_asset_id: string | null
          mux_playback_id: string | null
          mux_upload_id: string | null
          size_bytes: number | null
          status: Database["public"]["Enums"]["video_status"]
          storage_path: string | null
          thumbnail_url: string | null
          title: string
          transcription_status: Database["public"]["Enums"]["media_processing_status"]
          transcription_text: string | null
          updated_at: string
          view_count: number
          visibility: Database["public"]["Enums"]["video_visibility"]
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "videos"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      create_visitor_identity_token: {
        Args: {
          p_email?: string
          p_phone?: string
          p_shopify_customer_id?: string
          p_ttl_seconds?: number
          p_visitor_id: string
          p_workspace_id: string
        }
        Returns: {
          expires_at: string
          token: string
        }[]
      }
      create_webhook_endpoint: {
        Args: {
          p_description?: string
          p_events: string[]
          p_url: string
          p_workspace_id: string
        }
        Returns: {
          endpoint_id: string
          secret: string
        }[]
      }
      create_workspace: {
        Args: { p_name: string; p_slug: string }
        Returns: {
          created_at: string
          created_by: string | null
          id: string
          name: string
          plan: Database["public"]["Enums"]["workspace_plan"]
          shop_domain: string | null
          slug: string
          storage_quota_bytes: number | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "workspaces"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      create_workspace_invitation: {
        Args: {
          p_email: string
          p_role?: Database["public"]["Enums"]["workspace_role"]
          p_workspace_id: string
        }
        Returns: {
          expires_at: string
          invitation_id: string
          token: string
        }[]
      }
      dashboard_tiles: {
        Args: { p_today?: string; p_workspace_id: string }
        Returns: {
          ad_revenue_cents: number
          ad_spend_cents: number
          approvals_expiring_24h: number
          as_of: string
          average_order_cents: number | null
          lowest_weeks_of_supply: number | null
          oldest_pending_approval_at: string | null
          open_alerts: number
          open_errors: number
          orders: number
          pending_approvals: number
          previous_revenue_cents: number
          previous_roas: number | null
          reorder_points_computed_at: string | null
          revenue_cents: number
          revenue_change: number | null
          revenue_currency: string | null
          roas: number | null
          roas_change: number | null
          skus_below_reorder_point: number
          skus_tracked: number
          urgent_approvals: number
        }
        SetofOptions: {
          from: "*"
          to: "dashboard_tiles_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      decide_approval: {
        Args: {
          p_approval_id: string
          p_decision: Database["public"]["Enums"]["approval_decision"]
          p_note?: string
        }
        Returns: {
          action: Database["public"]["Enums"]["approval_action"]
          agent_id: string | null
          confidence: number | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_log_id: string | null
          decision_note: string | null
          dedupe_key: string | null
          executed_at: string | null
          execution_error: string | null
          execution_result: Json | null
          expected_impact: NonNullable<Json>
          expires_at: string
          id: string
          payload: NonNullable<Json>
          priority: Database["public"]["Enums"]["approval_priority"]
          proposed_by: string | null
          proposer: Database["public"]["Enums"]["actor_kind"]
          proposer_name: string | null
          rationale: string | null
          replaced: Json | null
          run_id: string | null
          slack_channel_id: string | null
          slack_message_ts: string | null
          status: Database["public"]["Enums"]["approval_status"]
          subject_id: string | null
          subject_table: string | null
          title: string
          undo_of_id: string | null
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "agent_approvals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      decide_approvals: {
        Args: {
          p_approval_ids: string[]
          p_decision: Database["public"]["Enums"]["approval_decision"]
          p_note?: string
        }
        Returns: {
          action: Database["public"]["Enums"]["approval_action"]
          agent_id: string | null
          confidence: number | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_log_id: string | null
          decision_note: string | null
          dedupe_key: string | null
          executed_at: string | null
          execution_error: string | null
          execution_result: Json | null
          expected_impact: NonNullable<Json>
          expires_at: string
          id: string
          payload: NonNullable<Json>
          priority: Database["public"]["Enums"]["approval_priority"]
          proposed_by: string | null
          proposer: Database["public"]["Enums"]["actor_kind"]
          proposer_name: string | null
          rationale: string | null
          replaced: Json | null
          run_id: string | null
          slack_channel_id: string | null
          slack_message_ts: string | null
          status: Database["public"]["Enums"]["approval_status"]
          subject_id: string | null
          subject_table: string | null
          title: string
          undo_of_id: string | null
          updated_at: string
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "agent_approvals"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      end_demo_conversation: {
        Args: { p_conversation_id: string }
        Returns: string
      }
      ensure_knowledge_collection: {
        Args: {
          p_name?: string
          p_owner_id: string
          p_scope: Database["public"]["Enums"]["knowledge_scope"]
          p_workspace_id: string
        }
        Returns: {
          created_at: string
          created_by: string | null
          description: string | null
          embedding_model: Database["public"]["Enums"]["embedding_model"] | null
          id: string
          metadata: NonNullable<Json>
          name: string
          owner_id: string | null
          scope: Database["public"]["Enums"]["knowledge_scope"]
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "knowledge_collections"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      estimate_ai_cost: {
        Args: {
          p_cached_input_tokens?: number
          p_input_tokens: number
          p_model: string
          p_output_tokens: number
          p_provider: Database["public"]["Enums"]["ai_provider"]
        }
        Returns: number
      }
      get_autopilot_dashboard_stats: {
        Args: { p_today?: string; p_workspace_id: string }
        Returns: {
          active_campaigns: number
          activities_7d: number
          as_of: string
          auto_managed_campaigns: number
          autopilot_enabled: boolean
          average_lead_score: number | null
          budget_used: number | null
          converted_leads_30d: number
          currency: string
          hot_leads: number
          last_report_roi: number | null
          last_report_week_start: string | null
          month_revenue_cents: number
          month_roas: number | null
          month_spend_cents: number
          monthly_budget_cents: number | null
          new_leads_7d: number
          next_optimisation_at: string | null
          next_weekly_report_at: string | null
          open_leads: number
          open_tasks: number
          overdue_tasks: number
          pending_approvals: number
          total_leads: number
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "autopilot_dashboard_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      get_default_model: {
        Args: {
          p_provider: Database["public"]["Enums"]["ai_provider"]
          p_type: Database["public"]["Enums"]["ai_model_type"]
        }
        Returns: {
          cached_input_price_per_mtok_micros: number | null
          capabilities: Database["public"]["Enums"]["ai_model_capability"][]
          context_window: number | null
          created_at: string
          currency: string
          deprecated_at: string | null
          display_name: string | null
          id: string
          input_price_per_mtok_micros: number
          is_active: boolean
          is_default: boolean
          last_seen_at: string | null
          max_output_tokens: number | null
          metadata: NonNullable<Json>
          model: string
          model_type: Database["public"]["Enums"]["ai_model_type"]
          needs_review: boolean
          output_price_per_mtok_micros: number
          provider: Database["public"]["Enums"]["ai_provider"]
          reviewed_at: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "ai_models"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      get_demo_stats: {
        Args: { p_demo_id: string }
        Returns: {
          conversation_count: number | null
          conversation_minutes: number | null
          cta_clicks: number | null
          cta_conversion_rate: number | null
          demo_id: string | null
          knowledge_chunk_count: number | null
          last_conversation_at: string | null
          message_count: number | null
          negative_messages: number | null
          neutral_messages: number | null
          positive_messages: number | null
          ready_video_count: number | null
          total_video_duration: number | null
          video_count: number | null
          workspace_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "demo_stats"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      get_experiment_results: {
        Args: { p_experiment_id: string }
        Returns: {
          average_order_value: number | null
          computed_at: string
          conversion_rate: number | null
          conversions: number
          cuped_variance_reduction: number | null
          experiment_id: string
          is_control: boolean
          metric: Database["public"]["Enums"]["experiment_metric"]
          metric_value: number | null
          orders: number
          p_value: number | null
          p_value_adjusted: number | null
          revenue_cents: number
          revenue_per_visitor: number | null
          sequential_lower: number | null
          sequential_p_value: number | null
          sequential_upper: number | null
          significant: boolean
          srm_detected: boolean
          srm_p_value: number | null
          uplift: number | null
          uplift_lower: number | null
          uplift_scale: string | null
          uplift_upper: number | null
          variant_id: string
          variant_key: string
          visitors: number
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "experiment_results"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      get_public_demo: {
        Args: { p_demo_id: string }
        Returns: {
          agent_greeting: string | null
          agent_name: string | null
          agent_objectives: string[] | null
          agent_personality: string | null
          cta_link: string | null
          cta_text: string | null
          description: string | null
          id: string | null
          name: string | null
          published_at: string | null
          videos: Json | null
          workspace_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "public_demos"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      hybrid_search_knowledge_chunks: {
        Args: {
          filter_collection_ids?: string[]
          filter_document_ids?: string[]
          filter_embedding_model?: Database["public"]["Enums"]["embedding_model"]
          filter_tags?: string[]
          filter_workspace_id?: string
          full_text_weight?: number
          match_count?: number
          min_similarity?: number
          query_embedding?: string
          query_text: string
          rrf_k?: number
          semantic_weight?: number
        }
        Returns: {
          answer: string | null
          chunk_index: number
          collection_id: string
          content: string
          document_id: string
          document_title: string | null
          id: string
          metadata: NonNullable<Json>
          question: string | null
          score: number
          similarity: number | null
          source: string | null
          text_rank: number | null
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      identify_visitor: {
        Args: {
          p_identity_token: string
          p_visitor_id: string
          p_workspace_id: string
        }
        Returns: undefined
      }
      import_reviews: {
        Args: { p_reviews: Json; p_workspace_id: string }
        Returns: {
          inserted: number
          unchanged: number
          updated: number
        }[]
      }
      import_survey: {
        Args: {
          p_cursor?: string
          p_questions?: Json
          p_responses?: Json
          p_source?: string
          p_workspace_id: string
        }
        Returns: {
          questions_upserted: number
          responses_inserted: number
          responses_unchanged: number
          responses_updated: number
        }[]
      }
      ingest_ad_metrics: {
        Args: { p_rows: Json; p_workspace_id: string }
        Returns: {
          inserted: number
          updated: number
        }[]
      }
      ingest_knowledge_document: {
        Args: {
          p_chunks: Json
          p_collection_id: string
          p_content: string
          p_document_key: string
          p_document_type?: string
          p_metadata?: Json
          p_source_type?: Database["public"]["Enums"]["knowledge_source_type"]
          p_source_uri?: string
          p_tags?: string[]
          p_title?: string
        }
        Returns: {
          chunks_queued: number
          chunks_reused: number
          chunks_total: number
          document_id: string
          status: Database["public"]["Enums"]["knowledge_document_status"]
          unchanged: boolean
          version: number
        }[]
      }
      ingest_logs: {
        Args: { p_entries: Json; p_workspace_id: string }
        Returns: number
      }
      ingest_seo_rankings: {
        Args: { p_rows: Json; p_workspace_id: string }
        Returns: number
      }
      ingest_slack_channels: {
        Args: { p_channels: Json; p_workspace_id: string }
        Returns: number
      }
      ingest_slack_messages: {
        Args: { p_messages: Json; p_workspace_id: string }
        Returns: number
      }
      ingest_slack_users: {
        Args: { p_users: Json; p_workspace_id: string }
        Returns: number
      }
      knowledge_search: {
        Args: {
          p_collection_ids?: string[]
          p_document_ids?: string[]
          p_embed_ms?: number
          p_embedding_model?: Database["public"]["Enums"]["embedding_model"]
          p_full_text_weight?: number
          p_match_count?: number
          p_min_similarity?: number
          p_mode?: Database["public"]["Enums"]["knowledge_search_mode"]
          p_query_embedding?: string
          p_query_text: string
          p_semantic_weight?: number
          p_tags?: string[]
          p_workspace_id: string
        }
        Returns: {
          answer: string | null
          chunk_index: number
          collection_id: string
          content: string
          document_id: string
          document_title: string | null
          id: string
          metadata: NonNullable<Json>
          question: string | null
          score: number
          similarity: number | null
          source: string | null
          text_rank: number | null
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      list_webhook_events: {
        Args: {
          p_limit?: number
          p_status?: Database["public"]["Enums"]["webhook_event_status"]
          p_workspace_id: string
        }
        Returns: {
          deliveries: number
          error: string | null
          id: number
          process_attempts: number
          processed_at: string | null
          provider: Database["public"]["Enums"]["webhook_provider"]
          received_at: string
          status: Database["public"]["Enums"]["webhook_event_status"]
          topic: string
        }[]
        SetofOptions: {
          from: "*"
          to: "webhook_event_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      match_knowledge_chunks: {
        Args: {
          filter_collection_ids?: string[]
          filter_document_ids?: string[]
          filter_embedding_model?: Database["public"]["Enums"]["embedding_model"]
          filter_tags?: string[]
          filter_workspace_id?: string
          match_count?: number
          min_similarity?: number
          query_embedding: string
        }
        Returns: {
          answer: string | null
          chunk_index: number
          collection_id: string
          content: string
          document_id: string
          document_title: string | null
          id: string
          metadata: NonNullable<Json>
          question: string | null
          score: number
          similarity: number | null
          source: string | null
          text_rank: number | null
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      moderate_reviews: {
        Args: {
          p_note?: string
          p_review_ids: string[]
          p_status: Database["public"]["Enums"]["review_status"]
          p_workspace_id: string
        }
        Returns: number
      }
      open_review_request: {
        Args: { p_token: string }
        Returns: {
          expires_at: string
          order_number: string | null
          products: NonNullable<Json>
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "open_review_request_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      preserve_slack_thread: {
        Args: { p_preserved?: boolean; p_thread_id: string }
        Returns: {
          created_at: string
          id: string
          last_reply_at: string | null
          participant_ids: string[]
          preserved: boolean
          preserved_by: string | null
          reply_count: number
          slack_channel_id: string
          summary: string | null
          thread_ts: string
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "slack_threads"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      preview_autopilot_optimisations: {
        Args: { p_as_of?: string; p_workspace_id: string }
        Returns: {
          ad_campaign_id: string
          amount_cents: number | null
          campaign_id: string
          dedupe_key: string
          kind: Database["public"]["Enums"]["autopilot_proposal_kind"]
          payload: NonNullable<Json>
          reason: string
          revenue_7d_cents: number
          roas_7d: number
          spend_7d_cents: number
          target_ad_campaign_id: string | null
          target_roas: number
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "autopilot_proposal_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      product_rating: {
        Args: { p_shopify_product_id: string; p_workspace_id: string }
        Returns: {
          average_rating: number | null
          rating_1: number
          rating_2: number
          rating_3: number
          rating_4: number
          rating_5: number
          review_count: number
          shopify_product_id: string
        }
        SetofOptions: {
          from: "*"
          to: "product_rating_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      product_ratings: {
        Args: { p_shopify_product_ids: string[]; p_workspace_id: string }
        Returns: {
          average_rating: number | null
          rating_1: number
          rating_2: number
          rating_3: number
          rating_4: number
          rating_5: number
          review_count: number
          shopify_product_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "product_rating_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      product_reviews: {
        Args: {
          p_limit?: number
          p_offset?: number
          p_shopify_product_id: string
          p_sort?: Database["public"]["Enums"]["review_sort"]
          p_workspace_id: string
        }
        Returns: {
          author_name: string
          body: string
          helpful_count: number
          id: string
          media: NonNullable<Json>
          rating: number
          responded_at: string | null
          response_author_name: string | null
          response_body: string | null
          shopify_product_id: string
          submitted_at: string
          title: string | null
          unhelpful_count: number
          verified_purchase: boolean
        }[]
        SetofOptions: {
          from: "*"
          to: "product_reviews_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      propose_undo: {
        Args: { p_approval_id: string; p_note?: string }
        Returns: {
          action: Database["public"]["Enums"]["approval_action"]
          agent_id: string | null
          confidence: number | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_log_id: string | null
          decision_note: string | null
          dedupe_key: string | null
          executed_at: string | null
          execution_error: string | null
          execution_result: Json | null
          expected_impact: NonNullable<Json>
          expires_at: string
          id: string
          payload: NonNullable<Json>
          priority: Database["public"]["Enums"]["approval_priority"]
          proposed_by: string | null
          proposer: Database["public"]["Enums"]["actor_kind"]
          proposer_name: string | null
          rationale: string | null
          replaced: Json | null
          run_id: string | null
          slack_channel_id: string | null
          slack_message_ts: string | null
          status: Database["public"]["Enums"]["approval_status"]
          subject_id: string | null
          subject_table: string | null
          title: string
          undo_of_id: string | null
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "agent_approvals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      recompute_reorder_points: {
        Args: { p_as_of?: string; p_workspace_id: string }
        Returns: {
          on_hand: number | null
          product_id: string
          reorder_point: number | null
          sku: string | null
          title: string
          weeks_of_supply: number | null
        }[]
        SetofOptions: {
          from: "*"
          to: "reorder_point_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      record_conversion_events: {
        Args: { p_events: Json; p_workspace_id: string }
        Returns: {
          duplicates: number
          inserted: number
        }[]
      }
      record_curated_reply_use: {
        Args: { p_reply_id: string }
        Returns: number
      }
      record_demo_cta_click: {
        Args: { p_conversation_id: string }
        Returns: boolean
      }
      record_onboarding_step: {
        Args: {
          p_seconds_spent?: number
          p_status: Database["public"]["Enums"]["onboarding_status"]
          p_step_key: string
          p_step_order?: number
          p_workspace_id: string
        }
        Returns: {
          attempts: number
          completed_at: string | null
          created_at: string
          id: string
          metadata: NonNullable<Json>
          started_at: string | null
          status: Database["public"]["Enums"]["onboarding_status"]
          step_key: string
          step_order: number
          time_spent_seconds: number
          updated_at: string
          user_id: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "onboarding_progress"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      record_pixel_events: {
        Args: { p_events: Json; p_workspace_id: string }
        Returns: {
          inserted: number
          updated: number
        }[]
      }
      record_slack_poll_response: {
        Args: {
          p_option: number
          p_poll_id: string
          p_slack_user_id: string
          p_workspace_id: string
        }
        Returns: Json
      }
      record_video_view: { Args: { p_video_id: string }; Returns: number }
      reorder_demo_videos: {
        Args: { p_demo_id: string; p_video_ids: string[] }
        Returns: {
          created_at: string
          demo_id: string
          duration_seconds: number | null
          id: string
          order_index: number
          processing_status: Database["public"]["Enums"]["media_processing_status"]
          storage_path: string
          title: string
          transcript: string | null
          updated_at: string
          video_id: string | null
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "demo_videos"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      report_error: {
        Args: {
          p_context?: Json
          p_error_type: string
          p_fingerprint_key?: string
          p_message: string
          p_severity?: Database["public"]["Enums"]["ops_severity"]
          p_source: string
          p_stack?: string
          p_workspace_id: string
        }
        Returns: {
          error_id: string
          is_new: boolean
          occurrence_count: number
          status: Database["public"]["Enums"]["ops_error_status"]
        }[]
      }
      request_account_erasure: {
        Args: Record<PropertyKey, never>
        Returns: {
          confirm_by: string
          confirmation_token: string
          request_id: string
        }[]
      }
      request_customer_erasure: {
        Args: {
          p_email?: string
          p_name?: string
          p_phone?: string
          p_shopify_customer_id?: string
          p_workspace_id: string
        }
        Returns: {
          attempts: number
          completed_at: string | null
          confirm_by: string | null
          confirmation_required: boolean
          confirmed_at: string | null
          created_at: string
          details: NonNullable<Json>
          download_expires_at: string | null
          error: string | null
          export_bytes: number | null
          export_path: string | null
          export_removed_at: string | null
          id: string
          kind: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at: string
          requested_by: string | null
          source: string
          started_at: string | null
          status: Database["public"]["Enums"]["privacy_request_status"]
          subject: NonNullable<Json>
          subject_sha256: string | null
          updated_at: string
          user_id: string | null
          workspace_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "privacy_requests"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      request_customer_export: {
        Args: {
          p_email?: string
          p_phone?: string
          p_shopify_customer_id?: string
          p_workspace_id: string
        }
        Returns: {
          attempts: number
          completed_at: string | null
          confirm_by: string | null
          confirmation_required: boolean
          confirmed_at: string | null
          created_at: string
          details: NonNullable<Json>
          download_expires_at: string | null
          error: string | null
          export_bytes: number | null
          export_path: string | null
          export_removed_at: string | null
          id: string
          kind: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at: string
          requested_by: string | null
          source: string
          started_at: string | null
          status: Database["public"]["Enums"]["privacy_request_status"]
          subject: NonNullable<Json>
          subject_sha256: string | null
          updated_at: string
          user_id: string | null
          workspace_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "privacy_requests"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      request_data_export: { Args: Record<PropertyKey, never>; Returns: string }
      request_review: {
        Args: { p_order_id: string; p_send_after?: string }
        Returns: {
          attempts: number
          cancel_reason: string | null
          cancelled_at: string | null
          claimed_until: string | null
          completed_at: string | null
          created_at: string
          created_by: string | null
          due_at: string | null
          email_status:
            | Database["public"]["Enums"]["email_delivery_status"]
            | null
          email_status_at: string | null
          id: string
          last_error: string | null
          opened_at: string | null
          order_id: string
          provider_message_id: string | null
          send_after: string
          sent_at: string | null
          shopify_product_ids: string[]
          status: Database["public"]["Enums"]["review_request_status"]
          trigger_event: Database["public"]["Enums"]["review_request_trigger"]
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "review_requests"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      requeue_knowledge_document: {
        Args: { p_document_id: string }
        Returns: number
      }
      retry_gift_card: {
        Args: { p_transaction_id: string }
        Returns: {
          amount_cents: number
          code_last_characters: string | null
          created_at: string
          currency: string
          gift_card_product_id: string | null
          id: string
          issued_at: string | null
          last_error: string | null
          order_id: string | null
          shopify_gift_card_id: string | null
          shopify_order_id: string | null
          source: Database["public"]["Enums"]["gift_card_source"]
          status: Database["public"]["Enums"]["gift_card_status"]
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "gift_card_transactions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      run_workflow_rule: {
        Args: { p_entity_id?: string; p_rule_id: string; p_subject?: Json }
        Returns: string
      }
      search_demo_knowledge: {
        Args: {
          demo_id: string
          match_count?: number
          match_threshold?: number
          query_embedding: string
        }
        Returns: {
          answer: string | null
          chunk_index: number
          collection_id: string
          content: string
          document_id: string
          document_title: string | null
          id: string
          metadata: NonNullable<Json>
          question: string | null
          score: number
          similarity: number | null
          source: string | null
          text_rank: number | null
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_performance: {
        Args: {
          p_from: string
          p_group_by?: Database["public"]["Enums"]["search_dimension"]
          p_limit?: number
          p_to: string
          p_workspace_id: string
        }
        Returns: {
          avg_position: number | null
          clicks: number
          ctr: number | null
          impressions: number
          key: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "search_performance_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_public_demo: {
        Args: {
          p_demo_id: string
          p_match_count?: number
          p_query: string
          p_query_embedding?: string
        }
        Returns: {
          answer: string | null
          chunk_index: number
          collection_id: string
          content: string
          document_id: string
          document_title: string | null
          id: string
          metadata: NonNullable<Json>
          question: string | null
          score: number
          similarity: number | null
          source: string | null
          text_rank: number | null
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_user_knowledge: {
        Args: {
          p_limit?: number
          p_query_embedding: string
          p_similarity_threshold?: number
          p_user_id: string
        }
        Returns: {
          answer: string | null
          chunk_index: number
          collection_id: string
          content: string
          document_id: string
          document_title: string | null
          id: string
          metadata: NonNullable<Json>
          question: string | null
          score: number
          similarity: number | null
          source: string | null
          text_rank: number | null
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      self_reported_attribution: {
        Args: {
          p_from: string
          p_model?: Database["public"]["Enums"]["attribution_model"]
          p_to: string
          p_workspace_id: string
        }
        Returns: {
          agreement: number | null
          channel: Database["public"]["Enums"]["marketing_channel"] | null
          modelled_orders: number
          modelled_revenue_cents: number
          orders: number
          responses: number
          self_reported_revenue_cents: number
        }[]
        SetofOptions: {
          from: "*"
          to: "self_reported_attribution_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      send_support_reply: {
        Args: {
          p_body?: string
          p_curated_reply_id?: string
          p_idempotency_key?: string
          p_ticket_id: string
        }
        Returns: number
      }
      seo_overview: {
        Args: { p_from: string; p_to: string; p_workspace_id: string }
        Returns: {
          audited_on: string | null
          avg_cls: number | null
          avg_inp_ms: number | null
          avg_lcp_ms: number | null
          avg_position: number | null
          clicks: number
          content_score: number | null
          critical_issues: number | null
          ctr: number | null
          high_priority_issues: number | null
          impressions: number
          overall_score: number | null
          pages_audited: number | null
          pages_with_clicks: number
          performance_score: number | null
          previous_clicks: number
          previous_impressions: number
          previous_performance_score: number | null
          queries: number
          technical_score: number | null
          vitals_source: Database["public"]["Enums"]["web_vitals_source"] | null
        }
        SetofOptions: {
          from: "*"
          to: "seo_overview_row"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      social_overview: {
        Args: { p_from: string; p_to: string; p_workspace_id: string }
        Returns: {
          accounts: number
          engagement_rate: number | null
          followers: number | null
          followers_change: number | null
          platform: Database["public"]["Enums"]["social_platform"]
          post_engagements: number
          post_reach: number | null
          post_views: number
          posts_published: number
          profile_views: number | null
          reach: number | null
          scheduled_waiting: number
        }[]
        SetofOptions: {
          from: "*"
          to: "social_overview_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      start_demo_conversation: { Args: { p_demo_id: string }; Returns: Json }
      start_shopify_backfill: {
        Args: { p_connection_id: string }
        Returns: {
          bulk_operation_id: string | null
          connection_id: string
          created_at: string
          customers_count: number
          finished_at: string | null
          id: string
          inventory_levels_count: number
          last_error: string | null
          lines_read: number
          lines_rejected: number
          orders_count: number
          phase: string | null
          products_count: number
          requested_by: string | null
          started_at: string | null
          status: Database["public"]["Enums"]["shopify_sync_status"]
          trigger: string
          updated_at: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "shopify_sync_runs"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      start_yotpo_import: { Args: { p_connection_id: string }; Returns: number }
      submit_review: {
        Args: {
          p_author_email: string
          p_author_name: string
          p_body: string
          p_rating: number
          p_shopify_product_id: string
          p_title?: string
          p_token?: string
          p_workspace_id: string
        }
        Returns: {
          review_id: string
          status: Database["public"]["Enums"]["review_status"]
          verified_purchase: boolean
        }[]
      }
      sync_analytics_source: {
        Args: {
          p_connection_id: string
          p_source: Database["public"]["Enums"]["analytics_source"]
        }
        Returns: number
      }
      track_events: {
        Args: { p_events: Json; p_workspace_id: string }
        Returns: number
      }
      track_experiment_event: {
        Args: {
          p_currency?: string
          p_event_name?: string
          p_event_type: Database["public"]["Enums"]["experiment_event_type"]
          p_experiment_key: string
          p_value_cents?: number
          p_visitor_id: string
          p_workspace_id: string
        }
        Returns: number
      }
      track_feature_tour: {
        Args: {
          p_event: Database["public"]["Enums"]["tour_event"]
          p_step?: number
          p_tour_key: string
        }
        Returns: {
          completed_at: string | null
          created_at: string
          current_step: number
          dismissed_at: string | null
          id: string
          interactions: number
          last_shown_at: string | null
          status: Database["public"]["Enums"]["tour_status"]
          steps: NonNullable<Json>
          times_shown: number
          tour_key: string
          tour_name: string
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "feature_tours"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      track_touchpoint: {
        Args: {
          p_device?: Json
          p_landing_url: string
          p_referrer?: string
          p_visitor_id: string
          p_workspace_id: string
        }
        Returns: number
      }
      transfer_workspace_ownership: {
        Args: { p_new_owner: string; p_workspace_id: string }
        Returns: {
          created_at: string
          expires_at: string
          from_user_id: string
          to_user_id: string
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "workspace_ownership_transfers"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      upsert_orders: {
        Args: { p_orders: Json; p_workspace_id: string }
        Returns: {
          inserted: number
          unchanged: number
          updated: number
        }[]
      }
      video_playback: {
        Args: { p_video_id: string }
        Returns: {
          created_at: string
          created_by: string | null
          deleted_at: string | null
          description: string | null
          duration_seconds: number | null
          error: string | null
          folder_id: string | null
          id: string
          mux_asset_id: string | null
          mux_playback_id: string | null
          mux_upload_id: string | null
          size_bytes: number | null
          status: Database["public"]["Enums"]["video_status"]
          storage_path: string | null
          thumbnail_url: string | null
          title: string
          transcription_status: Database["public"]["Enums"]["media_processing_status"]
          transcription_text: string | null
          updated_at: string
          view_count: number
          visibility: Database["public"]["Enums"]["video_visibility"]
          workspace_id: string
        }
        SetofOptions: {
          from: "*"
          to: "videos"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      vote_review: {
        Args: {
          p_kind: Database["public"]["Enums"]["review_vote_kind"]
          p_review_id: string
          p_voter_id: string
        }
        Returns: {
          helpful_count: number
          review_id: string
          unhelpful_count: number
        }[]
      }
    }
    Enums: {
      actor_kind: "user" | "agent" | "system"
      ad_level: "account" | "campaign" | "ad_group" | "ad"
      ad_platform: "meta" | "google" | "tiktok" | "pinterest" | "organic"
      ad_status: "draft" | "active" | "paused" | "archived" | "deleted"
      ad_sync_kind: "recent" | "restatement" | "backfill"
      ad_sync_status:
        | "queued"
        | "running"
        | "waiting"
        | "retrying"
        | "succeeded"
        | "dead"
      ads_group_by: "platform" | "campaign" | "day"
      agent_feedback_kind:
        | "thumbs_up"
        | "thumbs_down"
        | "rating"
        | "correction"
        | "comment"
      agent_query_status: "succeeded" | "failed"
      agent_run_kind:
        | "task"
        | "chat"
        | "ceo_briefing"
        | "report_commentary"
        | "anomaly_insights"
        | "campaign_prediction"
        | "generated_content"
      agent_run_status:
        | "queued"
        | "running"
        | "succeeded"
        | "failed"
        | "cancelled"
      agent_run_trigger: "manual" | "schedule" | "event" | "webhook" | "agent"
      agent_status: "active" | "paused" | "retired"
      ai_model_capability:
        | "text"
        | "vision"
        | "audio"
        | "function_calling"
        | "json_mode"
        | "streaming"
        | "reasoning"
        | "web_search"
      ai_model_type: "flagship" | "fast" | "reasoning" | "legacy"
      ai_provider: "openai" | "anthropic" | "google" | "mistral"
      ai_video_job_status: "pending" | "processing" | "completed" | "failed"
      ai_video_job_type:
        | "script"
        | "voice"
        | "image_generation"
        | "video_generation"
        | "assembly"
      ai_video_platform: "youtube_short" | "tiktok" | "reels" | "landscape"
      ai_video_status:
        | "draft"
        | "planning"
        | "generating_voice"
        | "generating_images"
        | "generating_video"
        | "assembling"
        | "completed"
        | "failed"
      analytics_source:
        | "search_console"
        | "pagespeed"
        | "instagram"
        | "tiktok"
        | "fairing"
      analytics_sync_kind: "initial" | "daily" | "manual"
      analytics_sync_status:
        | "queued"
        | "running"
        | "waiting"
        | "retrying"
        | "succeeded"
        | "dead"
      approval_action:
        | "pause_ad_campaign"
        | "resume_ad_campaign"
        | "change_ad_budget"
        | "shift_ad_budget"
        | "pause_campaign"
        | "resume_campaign"
        | "change_campaign_budget"
        | "send_email_campaign"
        | "enable_email_automation"
        | "disable_email_automation"
        | "publish_content"
        | "update_content_calendar"
        | "send_customer_reply"
        | "publish_review_reply"
        | "post_slack_message"
        | "reorder_inventory"
        | "apply_discount"
        | "issue_gift_card"
        | "update_product"
        | "run_workflow"
        | "send_webhook"
        | "other"
      approval_decision: "approved" | "rejected"
      approval_priority: "low" | "normal" | "high" | "urgent"
      approval_status:
        | "pending"
        | "approved"
        | "executing"
        | "rejected"
        | "expired"
        | "executed"
        | "failed"
      asset_kind: "image" | "video" | "audio" | "document" | "other"
      attribution_group_by: "channel" | "campaign"
      attribution_model:
        | "first_touch"
        | "last_touch"
        | "linear"
        | "time_decay"
        | "position_based"
      audit_action: "insert" | "update" | "delete" | "read"
      autopilot_activity_type:
        | "config_changed"
        | "report_generated"
        | "optimisation_proposed"
        | "campaign_paused"
        | "budget_adjusted"
        | "campaign_created"
        | "content_generated"
        | "lead_routed"
        | "workflow_action"
        | "other"
      autopilot_job: "weekly_report" | "daily_optimisation"
      autopilot_proposal_kind: "pause_ad_campaign" | "shift_budget"
      autopilot_run_status: "succeeded" | "failed" | "skipped"
      brand_asset_kind:
        | "logo"
        | "color"
        | "font"
        | "tagline"
        | "tone_of_voice"
        | "guideline"
        | "imagery"
      briefing_kind: "daily" | "weekly" | "monthly"
      calendar_status:
        | "idea"
        | "planned"
        | "in_progress"
        | "scheduled"
        | "published"
        | "cancelled"
      campaign_objective:
        | "awareness"
        | "consideration"
        | "lead_generation"
        | "conversion"
        | "retention"
        | "launch"
      campaign_status:
        | "draft"
        | "planned"
        | "active"
        | "paused"
        | "completed"
        | "archived"
      chat_purpose: "chat" | "campaign_copilot" | "research" | "support"
      chat_role: "user" | "assistant" | "system" | "tool"
      chat_session_status: "active" | "archived"
      connection_health: "ok" | "rate_limited" | "reauth_required" | "failing"
      connection_status: "active" | "expired" | "revoked" | "error"
      content_status:
        | "draft"
        | "approved"
        | "rejected"
        | "published"
        | "archived"
      conversation_role: "system" | "user" | "assistant"
      conversion_destination: "meta" | "ga4" | "tiktok"
      decision_domain:
        | "inventory"
        | "cx"
        | "growth"
        | "ads"
        | "content"
        | "ops"
        | "privacy"
        | "other"
      demo_conversation_status: "created" | "active" | "ended"
      demo_status: "draft" | "published" | "archived"
      device_type: "desktop" | "mobile" | "tablet" | "other"
      discovery_run_status: "running" | "succeeded" | "failed"
      email_automation_trigger:
        | "contact_subscribed"
        | "lead_created"
        | "lead_status_changed"
        | "lead_score_reached"
        | "form_submitted"
        | "purchase_made"
      email_campaign_status:
        | "draft"
        | "scheduled"
        | "sending"
        | "paused"
        | "sent"
        | "cancelled"
      email_contact_status:
        | "subscribed"
        | "unsubscribed"
        | "bounced"
        | "complained"
      email_delivery_status:
        | "queued"
        | "sent"
        | "delivered"
        | "opened"
        | "clicked"
        | "bounced"
        | "complained"
        | "suppressed"
        | "failed"
      email_kind:
        | "review_request"
        | "gift_card"
        | "campaign"
        | "automation"
        | "invitation"
        | "privacy_export"
        | "approval_digest"
      email_suppression_reason: "bounced" | "complained" | "unsubscribed"
      embedding_model: "text-embedding-3-small" | "local-lexical-v1"
      experiment_event_type: "exposure" | "add_to_cart" | "purchase" | "custom"
      experiment_metric:
        | "conversion_rate"
        | "revenue_per_visitor"
        | "average_order_value"
      experiment_status:
        | "draft"
        | "running"
        | "paused"
        | "completed"
        | "archived"
      fact_period: "hour" | "day" | "week" | "month" | "quarter" | "year"
      generated_content_type:
        | "ad_copy"
        | "email"
        | "social_post"
        | "blog_post"
        | "landing_page"
        | "video_script"
        | "sms"
        | "product_description"
      gift_card_source: "qualifying_order" | "manual" | "promotion"
      gift_card_status: "pending" | "issued" | "emailed" | "failed" | "voided"
      health_status: "healthy" | "degraded" | "down" | "unknown"
      incident_status:
        | "investigating"
        | "identified"
        | "monitoring"
        | "resolved"
      insight_impact: "low" | "medium" | "high"
      insight_kind:
        | "opportunity"
        | "risk"
        | "anomaly"
        | "trend"
        | "recommendation"
      insight_status: "new" | "acknowledged" | "dismissed" | "actioned"
      integration_provider:
        | "shopify"
        | "meta"
        | "google_ads"
        | "tiktok"
        | "klaviyo"
        | "yotpo"
        | "slack"
        | "chatwoot"
        | "ga4"
        | "tavus"
        | "mux"
        | "google_search_console"
        | "pagespeed"
        | "tiktok_account"
        | "fairing"
      interface_mode: "simple" | "advanced"
      knowledge_document_status:
        | "pending"
        | "chunking"
        | "embedding"
        | "ready"
        | "failed"
      knowledge_scope: "general" | "campaign" | "demo" | "agent"
      knowledge_search_mode: "vector" | "hybrid" | "text"
      knowledge_search_strategy: "exact" | "index"
      knowledge_source_type:
        | "text"
        | "markdown"
        | "html"
        | "url"
        | "file"
        | "qa"
        | "memory"
      lead_activity_type:
        | "email_sent"
        | "email_open"
        | "email_click"
        | "email_reply"
        | "email_bounce"
        | "unsubscribe"
        | "form_submit"
        | "page_view"
        | "download"
        | "demo_request"
        | "call"
        | "meeting"
        | "chat"
        | "purchase"
        | "note"
        | "other"
      lead_source:
        | "website"
        | "form"
        | "ads"
        | "email"
        | "social"
        | "referral"
        | "event"
        | "chat"
        | "import"
        | "api"
        | "manual"
        | "other"
      lead_status:
        | "new"
        | "contacted"
        | "qualified"
        | "nurturing"
        | "converted"
        | "unqualified"
        | "lost"
      log_level: "debug" | "info" | "warn" | "error"
      marketing_channel:
        | "paid_search"
        | "paid_social"
        | "display"
        | "video"
        | "organic_search"
        | "organic_social"
        | "email"
        | "sms"
        | "affiliate"
        | "influencer"
        | "referral"
        | "content"
        | "events"
        | "direct_mail"
        | "direct"
        | "other"
      media_processing_status: "pending" | "processing" | "completed" | "failed"
      onboarding_status: "not_started" | "in_progress" | "completed" | "skipped"
      ops_alert_status: "open" | "acknowledged" | "resolved"
      ops_error_status: "open" | "acknowledged" | "resolved" | "ignored"
      ops_severity: "low" | "medium" | "high" | "critical"
      order_financial_status:
        | "pending"
        | "authorized"
        | "partially_paid"
        | "paid"
        | "partially_refunded"
        | "refunded"
        | "voided"
      order_fulfillment_status:
        | "unfulfilled"
        | "partial"
        | "fulfilled"
        | "restocked"
      pagespeed_strategy: "mobile" | "desktop"
      pixel_delivery_status: "pending" | "sent" | "failed" | "skipped"
      prediction_metric:
        | "spend_cents"
        | "revenue_cents"
        | "roas"
        | "leads"
        | "conversions"
        | "clicks"
        | "impressions"
      privacy_event:
        | "consent_changed"
        | "settings_changed"
        | "export_requested"
        | "export_completed"
        | "export_failed"
        | "export_removed"
        | "erasure_requested"
        | "erasure_confirmed"
        | "erasure_completed"
        | "erasure_failed"
        | "request_rejected"
      privacy_request_kind: "export" | "erasure"
      privacy_request_status:
        | "pending"
        | "processing"
        | "completed"
        | "failed"
        | "rejected"
      product_status: "active" | "draft" | "archived"
      purchase_order_status: "ordered" | "received" | "cancelled"
      qc_result: "pending" | "pass" | "warn" | "fail"
      ranking_source: "rank_tracker" | "search_console"
      report_kind:
        | "performance"
        | "campaign"
        | "ads"
        | "seo"
        | "social"
        | "executive"
        | "custom"
      report_status: "pending" | "generating" | "ready" | "failed"
      review_media_status: "waiting" | "ready" | "errored" | "deleted"
      review_request_status:
        | "queued"
        | "due"
        | "sent"
        | "opened"
        | "completed"
        | "cancelled"
        | "expired"
      review_request_trigger: "order_fulfilled" | "manual"
      review_sort:
        | "newest"
        | "highest_rating"
        | "lowest_rating"
        | "most_helpful"
      review_status: "pending" | "published" | "rejected" | "spam"
      review_vote_kind: "helpful" | "unhelpful"
      scheduled_action_status: "pending" | "succeeded" | "failed" | "cancelled"
      search_device: "desktop" | "mobile" | "tablet"
      search_dimension: "query" | "page" | "country" | "device" | "day"
      search_engine: "google" | "bing"
      search_intent:
        | "informational"
        | "navigational"
        | "commercial"
        | "transactional"
      secret_action: "create" | "read" | "rotate" | "delete"
      shopify_sync_status: "queued" | "running" | "completed" | "failed"
      social_platform:
        | "instagram"
        | "facebook"
        | "tiktok"
        | "x"
        | "linkedin"
        | "youtube"
        | "pinterest"
        | "threads"
      social_post_status:
        | "draft"
        | "scheduled"
        | "published"
        | "failed"
        | "deleted"
      strategy_document_kind:
        | "brand_positioning"
        | "funnel_design"
        | "competitive_gap"
        | "kpi_framework"
      strategy_document_status: "draft" | "active" | "archived"
      support_ticket_category:
        | "general"
        | "order"
        | "shipping"
        | "returns"
        | "product"
        | "account"
        | "billing"
        | "other"
      support_ticket_priority: "low" | "normal" | "high" | "urgent"
      support_ticket_source: "storefront" | "app" | "chatwoot"
      support_ticket_status:
        | "open"
        | "in_progress"
        | "waiting_on_customer"
        | "resolved"
        | "closed"
      survey_question_kind:
        | "single_choice"
        | "multiple_choice"
        | "free_text"
        | "rating"
      task_priority: "low" | "medium" | "high" | "urgent"
      task_status: "todo" | "in_progress" | "blocked" | "done" | "cancelled"
      template_kind: "content" | "proposal"
      tour_event: "shown" | "step" | "completed" | "dismissed"
      tour_status: "pending" | "active" | "completed" | "dismissed"
      training_example_kind: "example" | "correction" | "pattern"
      training_example_source: "manual" | "feedback" | "learned" | "approval"
      video_permission_level: "view" | "comment" | "edit"
      video_status: "uploading" | "processing" | "ready" | "errored"
      video_visibility: "workspace" | "private"
      web_vitals_source: "field" | "lab"
      webhook_delivery_status: "pending" | "succeeded" | "dead"
      webhook_event_status:
        | "pending"
        | "processed"
        | "ignored"
        | "failed"
        | "dead"
      webhook_provider:
        | "shopify"
        | "tavus"
        | "mux"
        | "chatwoot"
        | "resend"
        | "slack"
      workflow_action_type:
        | "create_task"
        | "update_lead_status"
        | "add_to_email_list"
        | "log_activity"
        | "send_webhook"
      workflow_execution_status:
        | "running"
        | "succeeded"
        | "partially_failed"
        | "failed"
        | "cancelled"
      workflow_trigger:
        | "lead_created"
        | "lead_status_changed"
        | "lead_score_changed"
        | "lead_activity_logged"
        | "campaign_status_changed"
        | "task_completed"
        | "manual"
      workspace_plan: "free" | "pro" | "business" | "enterprise"
      workspace_role: "viewer" | "member" | "admin" | "owner"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      actor_kind: ["user", "agent", "system"],
      ad_level: ["account", "campaign", "ad_group", "ad"],
      ad_platform: ["meta", "google", "tiktok", "pinterest", "organic"],
      ad_status: ["draft", "active", "paused", "archived", "deleted"],
      ad_sync_kind: ["recent", "restatement", "backfill"],
      ad_sync_status: [
        "queued",
        "running",
        "waiting",
        "retrying",
        "succeeded",
        "dead",
      ],
      ads_group_by: ["platform", "campaign", "day"],
      agent_feedback_kind: [
        "thumbs_up",
        "thumbs_down",
        "rating",
        "correction",
        "comment",
      ],
      agent_query_status: ["succeeded", "failed"],
      agent_run_kind: [
        "task",
        "chat",
        "ceo_briefing",
        "report_commentary",
        "anomaly_insights",
        "campaign_prediction",
        "generated_content",
      ],
      agent_run_status: [
        "queued",
        "running",
        "succeeded",
        "failed",
        "cancelled",
      ],
      agent_run_trigger: ["manual", "schedule", "event", "webhook", "agent"],
      agent_status: ["active", "paused", "retired"],
      ai_model_capability: [
        "text",
        "vision",
        "audio",
        "function_calling",
        "json_mode",
        "streaming",
        "reasoning",
        "web_search",
      ],
      ai_model_type: ["flagship", "fast", "reasoning", "legacy"],
      ai_provider: ["openai", "anthropic", "google", "mistral"],
      ai_video_job_status: ["pending", "processing", "completed", "failed"],
      ai_video_job_type: [
        "script",
        "voice",
        "image_generation",
        "video_generation",
        "assembly",
      ],
      ai_video_platform: ["youtube_short", "tiktok", "reels", "landscape"],
      ai_video_status: [
        "draft",
        "planning",
        "generating_voice",
        "generating_images",
        "generating_video",
        "assembling",
        "completed",
        "failed",
      ],
      analytics_source: [
        "search_console",
        "pagespeed",
        "instagram",
        "tiktok",
        "fairing",
      ],
      analytics_sync_kind: ["initial", "daily", "manual"],
      analytics_sync_status: [
        "queued",
        "running",
        "waiting",
        "retrying",
        "succeeded",
        "dead",
      ],
      approval_action: [
        "pause_ad_campaign",
        "resume_ad_campaign",
        "change_ad_budget",
        "shift_ad_budget",
        "pause_campaign",
        "resume_campaign",
        "change_campaign_budget",
        "send_email_campaign",
        "enable_email_automation",
        "disable_email_automation",
        "publish_content",
        "update_content_calendar",
        "send_customer_reply",
        "publish_review_reply",
        "post_slack_message",
        "reorder_inventory",
        "apply_discount",
        "issue_gift_card",
        "update_product",
        "run_workflow",
        "send_webhook",
        "other",
      ],
      approval_decision: ["approved", "rejected"],
      approval_priority: ["low", "normal", "high", "urgent"],
      approval_status: [
        "pending",
        "approved",
        "executing",
        "rejected",
        "expired",
        "executed",
        "failed",
      ],
      asset_kind: ["image", "video", "audio", "document", "other"],
      attribution_group_by: ["channel", "campaign"],
      attribution_model: [
        "first_touch",
        "last_touch",
        "linear",
        "time_decay",
        "position_based",
      ],
      audit_action: ["insert", "update", "delete", "read"],
      autopilot_activity_type: [
        "config_changed",
        "report_generated",
        "optimisation_proposed",
        "campaign_paused",
        "budget_adjusted",
        "campaign_created",
        "content_generated",
        "lead_routed",
        "workflow_action",
        "other",
      ],
      autopilot_job: ["weekly_report", "daily_optimisation"],
      autopilot_proposal_kind: ["pause_ad_campaign", "shift_budget"],
      autopilot_run_status: ["succeeded", "failed", "skipped"],
      brand_asset_kind: [
        "logo",
        "color",
        "font",
        "tagline",
        "tone_of_voice",
        "guideline",
        "imagery",
      ],
      briefing_kind: ["daily", "weekly", "monthly"],
      calendar_status: [
        "idea",
        "planned",
        "in_progress",
        "scheduled",
        "published",
        "cancelled",
      ],
      campaign_objective: [
        "awareness",
        "consideration",
        "lead_generation",
        "conversion",
        "retention",
        "launch",
      ],
      campaign_status: [
        "draft",
        "planned",
        "active",
        "paused",
        "completed",
        "archived",
      ],
      chat_purpose: ["chat", "campaign_copilot", "research", "support"],
      chat_role: ["user", "assistant", "system", "tool"],
      chat_session_status: ["active", "archived"],
      connection_health: ["ok", "rate_limited", "reauth_required", "failing"],
      connection_status: ["active", "expired", "revoked", "error"],
      content_status: [
        "draft",
        "approved",
        "rejected",
        "published",
        "archived",
      ],
      conversation_role: ["system", "user", "assistant"],
      conversion_destination: ["meta", "ga4", "tiktok"],
      decision_domain: [
        "inventory",
        "cx",
        "growth",
        "ads",
        "content",
        "ops",
        "privacy",
        "other",
      ],
      demo_conversation_status: ["created", "active", "ended"],
      demo_status: ["draft", "published", "archived"],
      device_type: ["desktop", "mobile", "tablet", "other"],
      discovery_run_status: ["running", "succeeded", "failed"],
      email_automation_trigger: [
        "contact_subscribed",
        "lead_created",
        "lead_status_changed",
        "lead_score_reached",
        "form_submitted",
        "purchase_made",
      ],
      email_campaign_status: [
        "draft",
        "scheduled",
        "sending",
        "paused",
        "sent",
        "cancelled",
      ],
      email_contact_status: [
        "subscribed",
        "unsubscribed",
        "bounced",
        "complained",
      ],
      email_delivery_status: [
        "queued",
        "sent",
        "delivered",
        "opened",
        "clicked",
        "bounced",
        "complained",
        "suppressed",
        "failed",
      ],
      email_kind: [
        "review_request",
        "gift_card",
        "campaign",
        "automation",
        "invitation",
        "privacy_export",
        "approval_digest",
      ],
      email_suppression_reason: ["bounced", "complained", "unsubscribed"],
      embedding_model: ["text-embedding-3-small", "local-lexical-v1"],
      experiment_event_type: ["exposure", "add_to_cart", "purchase", "custom"],
      experiment_metric: [
        "conversion_rate",
        "revenue_per_visitor",
        "average_order_value",
      ],
      experiment_status: [
        "draft",
        "running",
        "paused",
        "completed",
        "archived",
      ],
      fact_period: ["hour", "day", "week", "month", "quarter", "year"],
      generated_content_type: [
        "ad_copy",
        "email",
        "social_post",
        "blog_post",
        "landing_page",
        "video_script",
        "sms",
        "product_description",
      ],
      gift_card_source: ["qualifying_order", "manual", "promotion"],
      gift_card_status: ["pending", "issued", "emailed", "failed", "voided"],
      health_status: ["healthy", "degraded", "down", "unknown"],
      incident_status: [
        "investigating",
        "identified",
        "monitoring",
        "resolved",
      ],
      insight_impact: ["low", "medium", "high"],
      insight_kind: [
        "opportunity",
        "risk",
        "anomaly",
        "trend",
        "recommendation",
      ],
      insight_status: ["new", "acknowledged", "dismissed", "actioned"],
      integration_provider: [
        "shopify",
        "meta",
        "google_ads",
        "tiktok",
        "klaviyo",
        "yotpo",
        "slack",
        "chatwoot",
        "ga4",
        "tavus",
        "mux",
        "google_search_console",
        "pagespeed",
        "tiktok_account",
        "fairing",
      ],
      interface_mode: ["simple", "advanced"],
      knowledge_document_status: [
        "pending",
        "chunking",
        "embedding",
        "ready",
        "failed",
      ],
      knowledge_scope: ["general", "campaign", "demo", "agent"],
      knowledge_search_mode: ["vector", "hybrid", "text"],
      knowledge_search_strategy: ["exact", "index"],
      knowledge_source_type: [
        "text",
        "markdown",
        "html",
        "url",
        "file",
        "qa",
        "memory",
      ],
      lead_activity_type: [
        "email_sent",
        "email_open",
        "email_click",
        "email_reply",
        "email_bounce",
        "unsubscribe",
        "form_submit",
        "page_view",
        "download",
        "demo_request",
        "call",
        "meeting",
        "chat",
        "purchase",
        "note",
        "other",
      ],
      lead_source: [
        "website",
        "form",
        "ads",
        "email",
        "social",
        "referral",
        "event",
        "chat",
        "import",
        "api",
        "manual",
        "other",
      ],
      lead_status: [
        "new",
        "contacted",
        "qualified",
        "nurturing",
        "converted",
        "unqualified",
        "lost",
      ],
      log_level: ["debug", "info", "warn", "error"],
      marketing_channel: [
        "paid_search",
        "paid_social",
        "display",
        "video",
        "organic_search",
        "organic_social",
        "email",
        "sms",
        "affiliate",
        "influencer",
        "referral",
        "content",
        "events",
        "direct_mail",
        "direct",
        "other",
      ],
      media_processing_status: ["pending", "processing", "completed", "failed"],
      onboarding_status: ["not_started", "in_progress", "completed", "skipped"],
      ops_alert_status: ["open", "acknowledged", "resolved"],
      ops_error_status: ["open", "acknowledged", "resolved", "ignored"],
      ops_severity: ["low", "medium", "high", "critical"],
      order_financial_status: [
        "pending",
        "authorized",
        "partially_paid",
        "paid",
        "partially_refunded",
        "refunded",
        "voided",
      ],
      order_fulfillment_status: [
        "unfulfilled",
        "partial",
        "fulfilled",
        "restocked",
      ],
      pagespeed_strategy: ["mobile", "desktop"],
      pixel_delivery_status: ["pending", "sent", "failed", "skipped"],
      prediction_metric: [
        "spend_cents",
        "revenue_cents",
        "roas",
        "leads",
        "conversions",
        "clicks",
        "impressions",
      ],
      privacy_event: [
        "consent_changed",
        "settings_changed",
        "export_requested",
        "export_completed",
        "export_failed",
        "export_removed",
        "erasure_requested",
        "erasure_confirmed",
        "erasure_completed",
        "erasure_failed",
        "request_rejected",
      ],
      privacy_request_kind: ["export", "erasure"],
      privacy_request_status: [
        "pending",
        "processing",
        "completed",
        "failed",
        "rejected",
      ],
      product_status: ["active", "draft", "archived"],
      purchase_order_status: ["ordered", "received", "cancelled"],
      qc_result: ["pending", "pass", "warn", "fail"],
      ranking_source: ["rank_tracker", "search_console"],
      report_kind: [
        "performance",
        "campaign",
        "ads",
        "seo",
        "social",
        "executive",
        "custom",
      ],
      report_status: ["pending", "generating", "ready", "failed"],
      review_media_status: ["waiting", "ready", "errored", "deleted"],
      review_request_status: [
        "queued",
        "due",
        "sent",
        "opened",
        "completed",
        "cancelled",
        "expired",
      ],
      review_request_trigger: ["order_fulfilled", "manual"],
      review_sort: [
        "newest",
        "highest_rating",
        "lowest_rating",
        "most_helpful",
      ],
      review_status: ["pending", "published", "rejected", "spam"],
      review_vote_kind: ["helpful", "unhelpful"],
      scheduled_action_status: ["pending", "succeeded", "failed", "cancelled"],
      search_device: ["desktop", "mobile", "tablet"],
      search_dimension: ["query", "page", "country", "device", "day"],
      search_engine: ["google", "bing"],
      search_intent: [
        "informational",
        "navigational",
        "commercial",
        "transactional",
      ],
      secret_action: ["create", "read", "rotate", "delete"],
      shopify_sync_status: ["queued", "running", "completed", "failed"],
      social_platform: [
        "instagram",
        "facebook",
        "tiktok",
        "x",
        "linkedin",
        "youtube",
        "pinterest",
        "threads",
      ],
      social_post_status: [
        "draft",
        "scheduled",
        "published",
        "failed",
        "deleted",
      ],
      strategy_document_kind: [
        "brand_positioning",
        "funnel_design",
        "competitive_gap",
        "kpi_framework",
      ],
      strategy_document_status: ["draft", "active", "archived"],
      support_ticket_category: [
        "general",
        "order",
        "shipping",
        "returns",
        "product",
        "account",
        "billing",
        "other",
      ],
      support_ticket_priority: ["low", "normal", "high", "urgent"],
      support_ticket_source: ["storefront", "app", "chatwoot"],
      support_ticket_status: [
        "open",
        "in_progress",
        "waiting_on_customer",
        "resolved",
        "closed",
      ],
      survey_question_kind: [
        "single_choice",
        "multiple_choice",
        "free_text",
        "rating",
      ],
      task_priority: ["low", "medium", "high", "urgent"],
      task_status: ["todo", "in_progress", "blocked", "done", "cancelled"],
      template_kind: ["content", "proposal"],
      tour_event: ["shown", "step", "completed", "dismissed"],
      tour_status: ["pending", "active", "completed", "dismissed"],
      training_example_kind: ["example", "correction", "pattern"],
      training_example_source: ["manual", "feedback", "learned", "approval"],
      video_permission_level: ["view", "comment", "edit"],
      video_status: ["uploading", "processing", "ready", "errored"],
      video_visibility: ["workspace", "private"],
      web_vitals_source: ["field", "lab"],
      webhook_delivery_status: ["pending", "succeeded", "dead"],
      webhook_event_status: [
        "pending",
        "processed",
        "ignored",
        "failed",
        "dead",
      ],
      webhook_provider: [
        "shopify",
        "tavus",
        "mux",
        "chatwoot",
        "resend",
        "slack",
      ],
      workflow_action_type: [
        "create_task",
        "update_lead_status",
        "add_to_email_list",
        "log_activity",
        "send_webhook",
      ],
      workflow_execution_status: [
        "running",
        "succeeded",
        "partially_failed",
        "failed",
        "cancelled",
      ],
      workflow_trigger: [
        "lead_created",
        "lead_status_changed",
        "lead_score_changed",
        "lead_activity_logged",
        "campaign_status_changed",
        "task_completed",
        "manual",
      ],
      workspace_plan: ["free", "pro", "business", "enterprise"],
      workspace_role: ["viewer", "member", "admin", "owner"],
    },
  },
} as const

