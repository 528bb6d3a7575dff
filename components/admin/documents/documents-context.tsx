'use client';
// Lets the upload panel tell the document list that something changed, so the list reloads at once
// (the two are separate so the drop zone works while the list is still loading).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type DocumentsChanges = { version: number; changed: () => void };

const DocumentsChangesContext = createContext<DocumentsChanges>({ version: 0, changed: () => {} });

export function DocumentsChangesProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(() => ({ version, changed }), [version, changed]);
  return <DocumentsChangesContext value={value}>{children}</DocumentsChangesContext>;
}

export function useDocumentsChanges(): DocumentsChanges {
  return useContext(DocumentsChangesContext);
}
