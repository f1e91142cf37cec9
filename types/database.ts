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
            columns: ["integration_connection_id"]
            isOneToOne: false
            referencedRelation: "integration_connections"
            referencedColumns: ["id"]
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
          created_at: string
          daily_budget_cents: number | null
          end_date: string | null
          external_id: string
          id: string
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
          created_at?: string
          daily_budget_cents?: number | null
          end_date?: string | null
          external_id: string
          id?: string
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
          created_at?: string
          daily_budget_cents?: number | null
          end_date?: string | null
          external_id?: string
          id?: string
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
      ads: {
        Row: {
          ad_group_id: string
          created_at: string
          creative: NonNullable<Json>
          creative_id: string | null
          external_id: string
          id: string
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
          conversation_id: string
          conversation_url: string | null
          created_at: string
          demo_id: string
          ended_at: string | null
          id: string
          last_event_at: string | null
          perception_analysis: string | null
          shutdown_reason: string | null
          started_at: string | null
          status: Database["public"]["Enums"]["demo_conversation_status"]
          transcript_ready_at: string | null
          updated_at: string
          workspace_id: string
        }
        Insert: {
          conversation_id: string
          conversation_url?: string | null
          created_at?: string
          demo_id: string
          ended_at?: string | null
          id?: string
          last_event_at?: string | null
          perception_analysis?: string | null
          shutdown_reason?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["demo_conversation_status"]
          transcript_ready_at?: string | null
          updated_at?: string
          workspace_id: string
        }
        Update: {
          conversation_id?: string
          conversation_url?: string | null
          created_at?: string
          demo_id?: string
          ended_at?: string | null
          id?: string
          last_event_at?: string | null
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
          workspace_id?: string
        }
        Relationships: [
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
          created_at: string
          cta_link: string | null
          cta_text: string | null
          description: string | null
          id: string
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
          created_at?: string
          cta_link?: string | null
          cta_text?: string | null
          description?: string | null
          id?: string
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
          created_at?: string
          cta_link?: string | null
          cta_text?: string | null
          description?: string | null
          id?: string
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
            columns: ["transaction_id"]
            isOneToOne: true
            referencedRelation: "gift_card_transactions"
            referencedColumns: ["id"]
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
            columns: ["gift_card_product_id"]
            isOneToOne: false
            referencedRelation: "gift_card_products"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "gift_card_transactions_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
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
          created_at: string
          expires_at: string | null
          external_account_id: string
          id: string
          last_error: string | null
          last_refreshed_at: string | null
          metadata: NonNullable<Json>
          provider: Database["public"]["Enums"]["integration_provider"]
          scopes: string[]
          status: Database["public"]["Enums"]["connection_status"]
          updated_at: string
          workspace_id: string
        }
        Insert: {
          connected_by?: string | null
          created_at?: string
          expires_at?: string | null
          external_account_id: string
          id?: string
          last_error?: string | null
          last_refreshed_at?: string | null
          metadata?: NonNullable<Json>
          provider: Database["public"]["Enums"]["integration_provider"]
          scopes?: string[]
          status?: Database["public"]["Enums"]["connection_status"]
          updated_at?: string
          workspace_id: string
        }
        Update: {
          connected_by?: string | null
          created_at?: string
          expires_at?: string | null
          external_account_id?: string
          id?: string
          last_error?: string | null
          last_refreshed_at?: string | null
          metadata?: NonNullable<Json>
          provider?: Database["public"]["Enums"]["integration_provider"]
          scopes?: string[]
          status?: Database["public"]["Enums"]["connection_status"]
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
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_line_items_product_id_fkey"
            columns: ["product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["id"]
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
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "orders_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
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
      products: {
        Row: {
          cost_cents: number | null
          created_at: string
          currency: string
          id: string
          price_cents: number
          shopify_product_id: string
          shopify_variant_id: string
          sku: string | null
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
          shopify_product_id: string
          shopify_variant_id: string
          sku?: string | null
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
          shopify_product_id?: string
          shopify_variant_id?: string
          sku?: string | null
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
            columns: ["endpoint_id"]
            isOneToOne: false
            referencedRelation: "webhook_endpoints"
            referencedColumns: ["id"]
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
          demo_id: string | null
          knowledge_chunk_count: number | null
          last_conversation_at: string | null
          message_count: number | null
          ready_video_count: number | null
          total_video_duration: number | null
          video_count: number | null
          workspace_id: string | null
        }
        Insert: {
          conversation_count?: never
          demo_id?: string | null
          knowledge_chunk_count?: never
          last_conversation_at?: never
          message_count?: never
          ready_video_count?: never
          total_video_duration?: never
          video_count?: never
          workspace_id?: string | null
        }
        Update: {
          conversation_count?: never
          demo_id?: string | null
          knowledge_chunk_count?: never
          last_conversation_at?: never
          message_count?: never
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
    }
    Functions: {
      accept_workspace_invitation: {
        Args: { p_token: string }
        Returns: string
      }
      ads_blended_roas: {
        Args: { p_from: string; p_to: string; p_workspace_id: string }
        Returns: Database["public"]["CompositeTypes"]["ads_blended_roas_row"][]
        SetofOptions: {
          from: "*"
          to: "ads_blended_roas_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      ads_dashboard: {
        Args: {
          p_from: string
          p_group_by: Database["public"]["Enums"]["ads_group_by"]
          p_to: string
          p_workspace_id: string
        }
        Returns: Database["public"]["CompositeTypes"]["ads_dashboard_row"][]
        SetofOptions: {
          from: "*"
          to: "ads_dashboard_row"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      ads_roas_tile: {
        Args: { p_today?: string; p_workspace_id: string }
        Returns: Database["public"]["CompositeTypes"]["ads_roas_tile_row"][]
        SetofOptions: {
          from: "*"
          to: "ads_roas_tile_row"
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
      get_demo_stats: {
        Args: { p_demo_id: string }
        Returns: {
          conversation_count: number | null
          demo_id: string | null
          knowledge_chunk_count: number | null
          last_conversation_at: string | null
          message_count: number | null
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
      ingest_ad_metrics: {
        Args: { p_rows: Json; p_workspace_id: string }
        Returns: {
          inserted: number
          updated: number
        }[]
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
      recompute_reorder_points: {
        Args: { p_as_of?: string; p_workspace_id: string }
        Returns: Database["public"]["CompositeTypes"]["reorder_point_row"][]
        SetofOptions: {
          from: "*"
          to: "reorder_point_row"
          isOneToOne: false
          isSetofReturn: true
        }
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
          workspace_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "demo_videos"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      request_account_erasure: {
        Args: Record<PropertyKey, never>
        Returns: {
          confirm_by: string
          confirmation_token: string
          request_id: string
        }[]
      }
      request_data_export: { Args: Record<PropertyKey, never>; Returns: string }
      transfer_workspace_ownership: {
        Args: { p_new_owner: string; p_workspace_id: string }
        Returns: undefined
      }
      upsert_orders: {
        Args: { p_orders: Json; p_workspace_id: string }
        Returns: {
          inserted: number
          unchanged: number
          updated: number
        }[]
      }
    }
    Enums: {
      actor_kind: "user" | "agent" | "system"
      ad_level: "account" | "campaign" | "ad_group" | "ad"
      ad_platform: "meta" | "google" | "tiktok" | "pinterest" | "organic"
      ad_status: "draft" | "active" | "paused" | "archived" | "deleted"
      ads_group_by: "platform" | "campaign" | "day"
      ai_video_job_status: "pending" | "processing" | "completed" | "failed"
      ai_video_job_type: "image_generation" | "video_generation"
      ai_video_platform: "youtube_short" | "tiktok" | "reels" | "landscape"
      ai_video_status:
        | "draft"
        | "planning"
        | "generating_images"
        | "generating_video"
        | "completed"
        | "failed"
      audit_action: "insert" | "update" | "delete" | "read"
      connection_status: "active" | "expired" | "revoked" | "error"
      conversation_role: "system" | "user" | "assistant"
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
      email_delivery_status:
        | "queued"
        | "sent"
        | "delivered"
        | "bounced"
        | "failed"
      gift_card_source: "qualifying_order" | "manual" | "promotion"
      gift_card_status: "pending" | "issued" | "emailed" | "failed" | "voided"
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
      interface_mode: "simple" | "advanced"
      media_processing_status: "pending" | "processing" | "completed" | "failed"
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
      secret_action: "create" | "read" | "rotate" | "delete"
      video_permission_level: "view" | "comment" | "edit"
      video_status: "uploading" | "processing" | "ready" | "errored"
      video_visibility: "workspace" | "private"
      webhook_delivery_status: "pending" | "succeeded" | "dead"
      webhook_event_status: "processed" | "ignored" | "failed"
      webhook_provider: "shopify" | "tavus" | "mux" | "chatwoot"
      workspace_plan: "free" | "pro" | "business" | "enterprise"
      workspace_role: "viewer" | "member" | "admin" | "owner"
    }
    CompositeTypes: {
      ads_blended_roas_row: {
        ad_spend_cents: number | null
        platform_revenue_cents: number | null
        order_revenue_cents: number | null
        orders: number | null
        platform_roas: number | null
        mer: number | null
      }
      ads_dashboard_row: {
        key: string | null
        label: string | null
        spend_cents: number | null
        revenue_cents: number | null
        impressions: number | null
        clicks: number | null
        conversions: number | null
        roas: number | null
        cpa_cents: number | null
        ctr: number | null
      }
      ads_roas_tile_row: {
        spend_cents: number | null
        revenue_cents: number | null
        roas: number | null
        previous_roas: number | null
        change: number | null
      }
      reorder_point_row: {
        product_id: string | null
        sku: string | null
        title: string | null
        on_hand: number | null
        reorder_point: number | null
        weeks_of_supply: number | null
      }
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
      ads_group_by: ["platform", "campaign", "day"],
      ai_video_job_status: ["pending", "processing", "completed", "failed"],
      ai_video_job_type: ["image_generation", "video_generation"],
      ai_video_platform: ["youtube_short", "tiktok", "reels", "landscape"],
      ai_video_status: [
        "draft",
        "planning",
        "generating_images",
        "generating_video",
        "completed",
        "failed",
      ],
      audit_action: ["insert", "update", "delete", "read"],
      connection_status: ["active", "expired", "revoked", "error"],
      conversation_role: ["system", "user", "assistant"],
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
      email_delivery_status: [
        "queued",
        "sent",
        "delivered",
        "bounced",
        "failed",
      ],
      gift_card_source: ["qualifying_order", "manual", "promotion"],
      gift_card_status: ["pending", "issued", "emailed", "failed", "voided"],
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
      ],
      interface_mode: ["simple", "advanced"],
      media_processing_status: ["pending", "processing", "completed", "failed"],
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
      secret_action: ["create", "read", "rotate", "delete"],
      video_permission_level: ["view", "comment", "edit"],
      video_status: ["uploading", "processing", "ready", "errored"],
      video_visibility: ["workspace", "private"],
      webhook_delivery_status: ["pending", "succeeded", "dead"],
      webhook_event_status: ["processed", "ignored", "failed"],
      webhook_provider: ["shopify", "tavus", "mux", "chatwoot"],
      workspace_plan: ["free", "pro", "business", "enterprise"],
      workspace_role: ["viewer", "member", "admin", "owner"],
    },
  },
} as const

