namespace SupportBot.Storage;

/// <summary>One step of the schema: its version and its statements for each database.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sqlite, string Postgres);

/// <summary>
/// The schema's versions, in order. A database records the versions applied in <c>schema_version</c>; at start (and by
/// <c>supportbot db migrate</c>) the missing ones run, each in its own transaction. Never edit a released step: add one.
/// Version 1 is the schema data folders had before versions were recorded, written so it also adopts them unchanged.
/// Times are stored as round-trip UTC text in both databases (<see cref="StoredTime"/>), so one SQL serves both.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "conversations, transcripts, shopper profiles, the handoff queue, redactions, verification failures",
            Sqlite: """
                CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, user_id TEXT, created_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS activities (
                    conversation_id TEXT NOT NULL REFERENCES conversations(id), seq INTEGER NOT NULL, client_id TEXT, json TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, seq));
                CREATE UNIQUE INDEX IF NOT EXISTS activities_client ON activities (conversation_id, client_id) WHERE client_id IS NOT NULL;
                CREATE TABLE IF NOT EXISTS users (
                    id TEXT PRIMARY KEY, name TEXT, locale TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, messages INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS handoffs (
                    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, channel_id TEXT, service_url TEXT, shopper_id TEXT, shopper_name TEXT,
                    reason TEXT NOT NULL, signals TEXT NOT NULL, intent TEXT, confidence REAL NOT NULL, summary TEXT NOT NULL, slots TEXT NOT NULL,
                    last_message TEXT, priority INTEGER NOT NULL, status TEXT NOT NULL, agent_id TEXT, agent_name TEXT, email TEXT,
                    created_at TEXT NOT NULL, rank_at TEXT NOT NULL, claimed_at TEXT, closed_at TEXT, rating INTEGER, rated_at TEXT);
                CREATE INDEX IF NOT EXISTS handoffs_conversation ON handoffs (conversation_id, created_at);
                CREATE INDEX IF NOT EXISTS handoffs_work ON handoffs (status, rank_at);
                CREATE INDEX IF NOT EXISTS handoffs_claimed ON handoffs (claimed_at) WHERE claimed_at IS NOT NULL;
                CREATE TABLE IF NOT EXISTS redactions (conversation_id TEXT PRIMARY KEY, through_seq INTEGER NOT NULL, redacted_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS verification_failures (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS verification_failures_last ON verification_failures (last_failure);
                """,
            Postgres: """
                CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, user_id TEXT, created_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS activities (
                    conversation_id TEXT NOT NULL REFERENCES conversations(id), seq BIGINT NOT NULL, client_id TEXT, json TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, seq));
                CREATE UNIQUE INDEX IF NOT EXISTS activities_client ON activities (conversation_id, client_id) WHERE client_id IS NOT NULL;
                CREATE TABLE IF NOT EXISTS users (
                    id TEXT PRIMARY KEY, name TEXT, locale TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, messages BIGINT NOT NULL);
                CREATE TABLE IF NOT EXISTS handoffs (
                    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, channel_id TEXT, service_url TEXT, shopper_id TEXT, shopper_name TEXT,
                    reason TEXT NOT NULL, signals TEXT NOT NULL, intent TEXT, confidence DOUBLE PRECISION NOT NULL, summary TEXT NOT NULL,
                    slots TEXT NOT NULL, last_message TEXT, priority BIGINT NOT NULL, status TEXT NOT NULL, agent_id TEXT, agent_name TEXT,
                    email TEXT, created_at TEXT NOT NULL, rank_at TEXT NOT NULL, claimed_at TEXT, closed_at TEXT, rating BIGINT, rated_at TEXT,
                    added BIGSERIAL);
                CREATE INDEX IF NOT EXISTS handoffs_conversation ON handoffs (conversation_id, created_at);
                CREATE INDEX IF NOT EXISTS handoffs_work ON handoffs (status, rank_at);
                CREATE INDEX IF NOT EXISTS handoffs_claimed ON handoffs (claimed_at) WHERE claimed_at IS NOT NULL;
                CREATE TABLE IF NOT EXISTS redactions (conversation_id TEXT PRIMARY KEY, through_seq BIGINT NOT NULL, redacted_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS verification_failures (key TEXT PRIMARY KEY, failures BIGINT NOT NULL, last_failure TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS verification_failures_last ON verification_failures (last_failure);
                """),
        new(2, "conversation state saved with each turn",
            Sqlite: """
                CREATE TABLE IF NOT EXISTS conversation_state (
                    conversation_id TEXT PRIMARY KEY, version INTEGER NOT NULL, expires_at TEXT NOT NULL, state TEXT NOT NULL, updated_at TEXT NOT NULL);
                """,
            Postgres: """
                CREATE TABLE IF NOT EXISTS conversation_state (
                    conversation_id TEXT PRIMARY KEY, version BIGINT NOT NULL, expires_at TEXT NOT NULL, state TEXT NOT NULL, updated_at TEXT NOT NULL);
                """),
        new(3, "data-protection keys shared by every instance",
            Sqlite: "CREATE TABLE IF NOT EXISTS data_protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL);",
            Postgres: "CREATE TABLE IF NOT EXISTS data_protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL);"),
        new(4, "the handoff desk without per-process memory: open handoffs by conversation, the rating question, agents' consoles on every instance",
            Sqlite: """
                ALTER TABLE handoffs ADD COLUMN awaiting_rating INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX IF NOT EXISTS handoffs_open ON handoffs (conversation_id, status);
                CREATE TABLE IF NOT EXISTS agent_presence (connection_id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, reasons TEXT NOT NULL, expires_at TEXT NOT NULL);
                """,
            Postgres: """
                ALTER TABLE handoffs ADD COLUMN IF NOT EXISTS awaiting_rating INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX IF NOT EXISTS handoffs_open ON handoffs (conversation_id, status);
                CREATE TABLE IF NOT EXISTS agent_presence (connection_id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, reasons TEXT NOT NULL, expires_at TEXT NOT NULL);
                """),
        new(5, "turn facts: one narrow row per shopper message, written with the turn, that the insights (docs/INSIGHTS.md) aggregate",
            Sqlite: """
                CREATE TABLE IF NOT EXISTS turn_facts (
                    conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, received_at TEXT NOT NULL, replied_at TEXT, shopper_id TEXT, order_number TEXT,
                    action TEXT NOT NULL, intent TEXT, intent_confidence REAL NOT NULL, faq_id TEXT, faq_confidence REAL NOT NULL, low_confidence INTEGER NOT NULL,
                    did_you_mean INTEGER NOT NULL, picked_offer INTEGER NOT NULL, flow TEXT, step TEXT, flow_started TEXT, flow_ended TEXT, flow_outcome TEXT,
                    handoff_reason TEXT, handoff_state TEXT,
                    PRIMARY KEY (conversation_id, seq));
                CREATE INDEX IF NOT EXISTS turn_facts_received ON turn_facts (received_at);
                CREATE INDEX IF NOT EXISTS handoffs_created ON handoffs (created_at);
                """,
            Postgres: """
                CREATE TABLE IF NOT EXISTS turn_facts (
                    conversation_id TEXT NOT NULL, seq BIGINT NOT NULL, received_at TEXT NOT NULL, replied_at TEXT, shopper_id TEXT, order_number TEXT,
                    action TEXT NOT NULL, intent TEXT, intent_confidence DOUBLE PRECISION NOT NULL, faq_id TEXT, faq_confidence DOUBLE PRECISION NOT NULL, low_confidence INTEGER NOT NULL,
                    did_you_mean INTEGER NOT NULL, picked_offer INTEGER NOT NULL, flow TEXT, step TEXT, flow_started TEXT, flow_ended TEXT, flow_outcome TEXT,
                    handoff_reason TEXT, handoff_state TEXT,
                    PRIMARY KEY (conversation_id, seq));
                CREATE INDEX IF NOT EXISTS turn_facts_received ON turn_facts (received_at);
                CREATE INDEX IF NOT EXISTS handoffs_created ON handoffs (created_at);
                """),
        new(6, "answer feedback: the shopper's latest thumbs up or down on each of the bot's answers, by the message answered",
            Sqlite: """
                CREATE TABLE IF NOT EXISTS answer_feedback (
                    conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, answer_seq INTEGER NOT NULL, vote TEXT NOT NULL, voted_at TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, seq));
                CREATE INDEX IF NOT EXISTS answer_feedback_voted ON answer_feedback (voted_at);
                """,
            Postgres: """
                CREATE TABLE IF NOT EXISTS answer_feedback (
                    conversation_id TEXT NOT NULL, seq BIGINT NOT NULL, answer_seq BIGINT NOT NULL, vote TEXT NOT NULL, voted_at TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, seq));
                CREATE INDEX IF NOT EXISTS answer_feedback_voted ON answer_feedback (voted_at);
                """),
        new(7, "the conversation's language (two letters), which outlives the state's idle expiry and shows in the agent console",
            Sqlite: "ALTER TABLE conversations ADD COLUMN language TEXT;",
            Postgres: "ALTER TABLE conversations ADD COLUMN IF NOT EXISTS language TEXT;"),
    ];
}
