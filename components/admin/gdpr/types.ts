// What the GDPR page hands its client components: plain, serialisable values.
export type SubjectView = {
  id: string;
  email: string;
  name: string | null;
  role: 'USER' | 'ADMIN' | 'COMPLIANCE';
  disabled: boolean;
  createdAt: string;
};

export type HoldingsView = {
  conversations: number;
  messages: number;
  queryLogs: number;
  feedback: number;
  documents: number;
  sharedDocuments: number;
  apiKeys: number;
  sessions: number;
  invitations: number;
  reviewItems: number;
  auditEvents: number;
};
