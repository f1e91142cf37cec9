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
      audit_log: {
        Row: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id: string | null
          actor_role: string
          created_at: string
          id: number
          new_data: Json | null
          old_data: Json | null
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
            columns: ["collection_id"]
            isOneToOne: false
            referencedRelation: "knowledge_collections"
            referencedColumns: ["id"]
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
            columns: ["previous_version_id"]
            isOneToOne: false
            referencedRelation: "knowledge_documents"
            referencedColumns: ["id"]
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
        Args: { p_name: string; p_shop_domain?: string; p_slug: string }
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
        Returns: Database["public"]["CompositeTypes"]["knowledge_match_row"][]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
        }
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
        Returns: Database["public"]["CompositeTypes"]["knowledge_match_row"][]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
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
        Returns: Database["public"]["CompositeTypes"]["knowledge_match_row"][]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
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
      requeue_knowledge_document: {
        Args: { p_document_id: string }
        Returns: number
      }
      search_demo_knowledge: {
        Args: {
          demo_id: string
          match_count?: number
          match_threshold?: number
          query_embedding: string
        }
        Returns: Database["public"]["CompositeTypes"]["knowledge_match_row"][]
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
        Returns: Database["public"]["CompositeTypes"]["knowledge_match_row"][]
        SetofOptions: {
          from: "*"
          to: "knowledge_match_row"
          isOneToOne: false
          isSetofReturn: true
        }
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
      audit_action: "insert" | "update" | "delete"
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
      email_delivery_status:
        | "queued"
        | "sent"
        | "delivered"
        | "bounced"
        | "failed"
      embedding_model: "text-embedding-3-small" | "local-lexical-v1"
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
      knowledge_match_row: {
        id: string | null
        workspace_id: string | null
        collection_id: string | null
        document_id: string | null
        document_title: string | null
        chunk_index: number | null
        content: string | null
        question: string | null
        answer: string | null
        source: string | null
        metadata: Json | null
        similarity: number | null
        text_rank: number | null
        score: number | null
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
      audit_action: ["insert", "update", "delete"],
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
      email_delivery_status: [
        "queued",
        "sent",
        "delivered",
        "bounced",
        "failed",
      ],
      embedding_model: ["text-embedding-3-small", "local-lexical-v1"],
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

