// The GDPR export's file format (docs/GDPR.md, "Export format"): one JSON document per person, with a
// format name and version so a reader can tell what it holds. Version 1 is this file's types; a field
// added later keeps the version, a field removed or changed in meaning raises it.
export const EXPORT_FORMAT = 'rag-gdpr-export';
export const EXPORT_VERSION = 1;

type Iso = string;

export type ExportedProfile = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  group: string | null;
  image: string | null;
  emailVerifiedAt: Iso | null;
  disabledAt: Iso | null;
  createdAt: Iso;
  updatedAt: Iso;
  /** Linked sign-in providers (OAuth/OIDC), without their tokens. */
  linkedAccounts: Array<{ provider: string; type: string; providerAccountId: string }>;
};

export type ExportedMessage = {
  id: string;
  role: 'USER' | 'ASSISTANT';
  content: string;
  sources: unknown;
  metadata: unknown;
  queryLogId: string | null;
  createdAt: Iso;
};

export type ExportedConversation = {
  id: string;
  title: string;
  createdAt: Iso;
  updatedAt: Iso;
  messages: ExportedMessage[];
};

export type ExportedQueryLog = {
  id: string;
  requestId: string;
  createdAt: Iso;
  route: string;
  conversationId: string | null;
  apiKeyId: string | null;
  question: string;
  answer: string | null;
  sources: unknown;
  status: string;
  errorCode: string | null;
  model: string | null;
  provider: string | null;
  routeTier: string | null;
  routeReason: string | null;
  confidence: number | null;
  explanation: unknown;
  tokensIn: number;
  tokensOut: number;
  costUsd: string;
  latencyMs: number | null;
  cacheHit: boolean;
  degraded: boolean;
};

export type ExportedFeedback = { queryLogId: string; rating: number; comment: string | null; at: Iso | null };

export type ExportedAsyncQuery = {
  id: string;
  status: string;
  request: unknown;
  result: unknown;
  error: unknown;
  createdAt: Iso;
  completedAt: Iso | null;
};

export type ExportedDocument = {
  id: string;
  title: string;
  source: string;
  fileName: string;
  format: string;
  mimeType: string;
  sizeBytes: number;
  contentHash: string;
  visibility: string;
  tags: string[];
  language: string;
  status: string;
  chunkCount: number;
  createdAt: Iso;
  readyAt: Iso | null;
};

/** Metadata only: the key's hash is never exported (nor stored in a form that could be). */
export type ExportedApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Iso;
  lastUsedAt: Iso | null;
  expiresAt: Iso | null;
  revokedAt: Iso | null;
};

/** Sign-ins, without the session id (it is the cookie's secret). */
export type ExportedSession = {
  method: string;
  userAgent: string | null;
  createdAt: Iso;
  lastSeenAt: Iso;
  expiresAt: Iso;
  revokedAt: Iso | null;
  revokedReason: string | null;
};

export type ExportedInvitation = {
  id: string;
  role: string;
  group: string | null;
  createdAt: Iso;
  expiresAt: Iso;
  acceptedAt: Iso | null;
  revokedAt: Iso | null;
};

export type ExportedReviewItem = {
  id: string;
  queryLogId: string;
  reason: string;
  status: string;
  confidence: number;
  note: string | null;
  decisionNote: string | null;
  createdAt: Iso;
  reviewedAt: Iso | null;
};

export type ExportedAuditEvent = {
  seq: string;
  at: Iso;
  /** How the event concerns the person: they acted, they were acted on, or both. */
  as: 'actor' | 'target' | 'actor_and_target';
  action: string;
  actorRole: string | null;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  metadata: unknown;
  requestId: string | null;
  /** The client IP, on events the person made. */
  ip: string | null;
};

export type ExportedGdprRequest = {
  id: string;
  type: string;
  status: string;
  createdAt: Iso;
  completedAt: Iso | null;
};

export type GdprExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: Iso;
  /** The gdpr_requests row of this export. */
  exportId: string;
  profile: ExportedProfile;
  conversations: ExportedConversation[];
  queryLogs: ExportedQueryLog[];
  feedback: ExportedFeedback[];
  asyncQueries: ExportedAsyncQuery[];
  documents: ExportedDocument[];
  apiKeys: ExportedApiKey[];
  sessions: ExportedSession[];
  invitations: { received: ExportedInvitation[]; sent: ExportedInvitation[] };
  reviewItems: ExportedReviewItem[];
  auditEvents: ExportedAuditEvent[];
  gdprRequests: ExportedGdprRequest[];
};

/** How many of each kind an export held: the request history's summary. */
export function exportCounts(doc: GdprExport): Record<string, number> {
  return {
    conversations: doc.conversations.length,
    messages: doc.conversations.reduce((sum, conversation) => sum + conversation.messages.length, 0),
    queryLogs: doc.queryLogs.length,
    feedback: doc.feedback.length,
    asyncQueries: doc.asyncQueries.length,
    documents: doc.documents.length,
    apiKeys: doc.apiKeys.length,
    sessions: doc.sessions.length,
    invitations: doc.invitations.received.length + doc.invitations.sent.length,
    reviewItems: doc.reviewItems.length,
    auditEvents: doc.auditEvents.length,
  };
}

/** The download's file name: gdpr-export-<user id>-<date>.json. */
export function exportFileName(userId: string, now = new Date()): string {
  return `gdpr-export-${userId.replace(/[^A-Za-z0-9_-]/g, '')}-${now.toISOString().slice(0, 10)}.json`;
}
