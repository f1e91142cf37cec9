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
            columns: ["conversion_id"]
            isOneToOne: false
            referencedRelation: "conversions"
            referencedColumns: ["id"]
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
      conversation_messages: {
        Row: {
          content: string
          content_length: number | null
          conversation_id: string
          created_at: string
          id: string
          message_index: number
          occurred_at: string | null
          role: Database["public"]["Enums"]["conversation_role"]
          workspace_id: string
        }
        Insert: {
          content: string
          content_length?: never
          conversation_id: string
          created_at?: string
          id?: string
          message_index: number
          occurred_at?: string | null
          role: Database["public"]["Enums"]["conversation_role"]
          workspace_id: string
        }
        Update: {
          content?: string
          content_length?: never
          conversation_id?: string
          created_at?: string
          id?: string
          message_index?: number
          occurred_at?: string | null
          role?: Database["public"]["Enums"]["conversation_role"]
          workspace_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "conversation_messages_workspace_id_fkey"
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
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "conversions_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: true
            referencedRelation: "orders"
            referencedColumns: ["id"]
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
            columns: ["customer_id"]
            isOneToOne: true
            referencedRelation: "customers"
            referencedColumns: ["id"]
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
            foreignKeyName: "experiment_events_workspace_id_experiment_id_visitor_id_fkey"
            columns: ["workspace_id", "experiment_id", "visitor_id"]
            isOneToOne: false
            referencedRelation: "experiment_assignments"
            referencedColumns: ["workspace_id", "experiment_id", "visitor_id"]
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
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "experiment_purchases_workspace_id_experiment_id_visitor_id_fkey"
            columns: ["workspace_id", "experiment_id", "visitor_id"]
            isOneToOne: false
            referencedRelation: "experiment_assignments"
            referencedColumns: ["workspace_id", "experiment_id", "visitor_id"]
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
          meta_status: Database["public"]["Enums"]["pixel_delivery_status"]
          occurred_at: string
          shopify_order_id: string | null
          tiktok_status: Database["public"]["Enums"]["pixel_delivery_status"]
          updated_at: string
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
          meta_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          occurred_at: string
          shopify_order_id?: string | null
          tiktok_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          updated_at?: string
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
          meta_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          occurred_at?: string
          shopify_order_id?: string | null
          tiktok_status?: Database["public"]["Enums"]["pixel_delivery_status"]
          updated_at?: string
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
      privacy_requests: {
        Row: {
          completed_at: string | null
          created_at: string
          details: NonNullable<Json>
          id: string
          kind: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at: string
          source: string
          status: Database["public"]["Enums"]["privacy_request_status"]
          subject: NonNullable<Json>
          workspace_id: string
        }
        Insert: {
          completed_at?: string | null
          created_at?: string
          details?: NonNullable<Json>
          id?: string
          kind: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at?: string
          source: string
          status?: Database["public"]["Enums"]["privacy_request_status"]
          subject?: NonNullable<Json>
          workspace_id: string
        }
        Update: {
          completed_at?: string | null
          created_at?: string
          details?: NonNullable<Json>
          id?: string
          kind?: Database["public"]["Enums"]["privacy_request_kind"]
          requested_at?: string
          source?: string
          status?: Database["public"]["Enums"]["privacy_request_status"]
          subject?: NonNullable<Json>
          workspace_id?: string
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
      workspaces: {
        Row: {
          created_at: string
          created_by: string | null
          id: string
          name: string
          shop_domain: string | null
          slug: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          id?: string
          name: string
          shop_domain?: string | null
          slug: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          id?: string
          name?: string
          shop_domain?: string | null
          slug?: string
          updated_at?: string
        }
        Relationships: []
      }
    }
    Views: {
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
      assign_experiment: {
        Args: {
          p_context?: Json
          p_experiment_key: string
          p_visitor_id: string
          p_workspace_id: string
        }
        Returns: Database["public"]["CompositeTypes"]["experiment_assignment_row"]
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
        Returns: Database["public"]["CompositeTypes"]["attribution_report_row"][]
        SetofOptions: {
          from: "*"
          to: "attribution_report_row"
          isOneToOne: false
          isSetofReturn: true
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
          shop_domain: string | null
          slug: string
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
      identify_visitor: {
        Args: {
          p_email?: string
          p_phone?: string
          p_shopify_customer_id?: string
          p_visitor_id: string
          p_workspace_id: string
        }
        Returns: boolean
      }
      ingest_ad_metrics: {
        Args: { p_rows: Json; p_workspace_id: string }
        Returns: {
          inserted: number
          updated: number
        }[]
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
      record_pixel_events: {
        Args: { p_events: Json; p_workspace_id: string }
        Returns: {
          inserted: number
          updated: number
        }[]
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
      attribution_group_by: "channel" | "campaign"
      attribution_model:
        | "first_touch"
        | "last_touch"
        | "linear"
        | "time_decay"
        | "position_based"
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
      device_type: "desktop" | "mobile" | "tablet" | "other"
      email_delivery_status:
        | "queued"
        | "sent"
        | "delivered"
        | "bounced"
        | "failed"
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
      marketing_channel:
        | "paid_search"
        | "paid_social"
        | "display"
        | "organic_search"
        | "organic_social"
        | "email"
        | "sms"
        | "affiliate"
        | "referral"
        | "direct"
        | "other"
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
      pixel_delivery_status: "pending" | "sent" | "failed" | "skipped"
      privacy_request_kind: "export" | "deletion"
      privacy_request_status: "pending" | "completed" | "rejected"
      product_status: "active" | "draft" | "archived"
      secret_action: "create" | "read" | "rotate" | "delete"
      webhook_delivery_status: "pending" | "succeeded" | "dead"
      webhook_event_status: "processed" | "ignored" | "failed"
      webhook_provider: "shopify" | "tavus" | "mux" | "chatwoot"
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
      attribution_report_row: {
        key: string | null
        label: string | null
        channel: Database["public"]["Enums"]["marketing_channel"] | null
        ad_campaign_id: string | null
        attributed_revenue_cents: number | null
        conversions: number | null
        spend_cents: number | null
        roas: number | null
      }
      experiment_assignment_row: {
        experiment_key: string | null
        variant_key: string | null
        variant_url: string | null
        variant_config: Json | null
        in_experiment: boolean | null
        assigned_at: string | null
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
      attribution_group_by: ["channel", "campaign"],
      attribution_model: [
        "first_touch",
        "last_touch",
        "linear",
        "time_decay",
        "position_based",
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
      device_type: ["desktop", "mobile", "tablet", "other"],
      email_delivery_status: [
        "queued",
        "sent",
        "delivered",
        "bounced",
        "failed",
      ],
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
      marketing_channel: [
        "paid_search",
        "paid_social",
        "display",
        "organic_search",
        "organic_social",
        "email",
        "sms",
        "affiliate",
        "referral",
        "direct",
        "other",
      ],
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
      pixel_delivery_status: ["pending", "sent", "failed", "skipped"],
      privacy_request_kind: ["export", "deletion"],
      privacy_request_status: ["pending", "completed", "rejected"],
      product_status: ["active", "draft", "archived"],
      secret_action: ["create", "read", "rotate", "delete"],
      webhook_delivery_status: ["pending", "succeeded", "dead"],
      webhook_event_status: ["processed", "ignored", "failed"],
      webhook_provider: ["shopify", "tavus", "mux", "chatwoot"],
      workspace_role: ["viewer", "member", "admin", "owner"],
    },
  },
} as const

