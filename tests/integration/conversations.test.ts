// [CHAT] Conversations, regenerate, feedback and cited documents through the data-access layer and
// the answer path, on the real database: every read and write is scoped to the owner.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';
import {
  deleteConversation,
  getConversationMessages,
  listConversations,
  openConversation,
  renameConversation,
  titleFromQuestion,
} from '../../lib/db/conversations';
import { recordFeedback } from '../../lib/db/query-logs';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { documentFileResponse } from '../../lib/ingest/document-file';
import { ingestFile } from '../../lib/ingest/pipeline';
import { ask, completeAnswer } from '../../lib/rag/ask';

const guide = `# Install guide

## macOS

Install the command line tool on macOS with Homebrew: run brew install ragctl, then ragctl login.

## Linux

On Linux, download the ragctl package from the releases page and install it with apt install ./ragctl.deb.
`;

async function chat(user: SessionUser, conversationId: string, question?: string) {
  const run = await ask({
    question,
    regenerate: question === undefined,
    requestId: `req-${Math.random()}`,
    route: 'chat',
    user,
    conversationId,
    createConversation: true,
  });
  return completeAnswer(run);
}

describe(`[CHAT] conversations on ${inject('database')}`, () => {
  let alice: SessionUser;
  let bob: SessionUser;
  let admin: SessionUser;
  let documentId: string;

  beforeAll(async () => {
    await db().conversation.deleteMany();
    await db().queryLog.deleteMany();
    await db().document.deleteMany();
    alice = await upsertUser({ email: 'alice-chat@example.test', role: 'USER', passwordHash: 'x' });
    bob = await upsertUser({ email: 'bob-chat@example.test', role: 'USER', passwordHash: 'x' });
    admin = await upsertUser({ email: 'admin-chat@example.test', role: 'ADMIN', passwordHash: 'x' });
    ({ documentId } = await ingestFile({
      fileName: 'install.md',
      source: 'install.md',
      bytes: new TextEncoder().encode(guide),
    }));
  });

  afterAll(async () => {
    await db().conversation.deleteMany();
  });

  it('creates a conversation on its first question, titled from it, and keeps each turn with its sources', async () => {
    const outcome = await chat(alice, 'conv-a1', 'How do I install ragctl on macOS?');
    expect(outcome.status).toBe('OK');
    const { conversation, messages } = await getConversationMessages(alice.id, 'conv-a1');
    expect(conversation.title).toBe('How do I install ragctl on macOS?');
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(messages[1]!.content).toBe(outcome.answer);
    expect(messages[1]!.sources[0]).toMatchObject({ n: 1, headingPath: 'macOS', documentId });
    expect(messages[1]!.sources[0]!.text).toContain('brew install');
    expect(messages[1]!.metadata).toMatchObject({
      model: 'local-extractive',
      queryLogId: outcome.queryLogId,
    });
    const log = await db().queryLog.findUniqueOrThrow({ where: { id: outcome.queryLogId! } });
    expect(log).toMatchObject({ route: 'chat', conversationId: 'conv-a1', userId: alice.id });
  });

  it('answers a follow-up from the conversation: the standalone question carries the earlier turn', async () => {
    const run = await ask({
      question: 'And on Linux?',
      requestId: 'req-follow-up',
      route: 'chat',
      user: alice,
      conversationId: 'conv-a1',
      createConversation: true,
    });
    expect(run.standaloneQuestion).toBe('And on Linux? (install ragctl)');
    const outcome = await completeAnswer(run);
    expect(outcome.answer).toMatch(/apt install/);
    expect(outcome.sources[0]!.headingPath).toBe('Linux');
  });

  it('regenerates the last answer in place: the question stays, the old answer goes', async () => {
    const before = await getConversationMessages(alice.id, 'conv-a1');
    expect(before.messages).toHaveLength(4);
    const outcome = await chat(alice, 'conv-a1');
    const after = await getConversationMessages(alice.id, 'conv-a1');
    expect(after.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(after.messages[2]!.content).toBe('And on Linux?');
    expect(after.messages[3]!.id).not.toBe(before.messages[3]!.id);
    expect(after.messages[3]!.queryLogId).toBe(outcome.queryLogId);
  });

  it('lists conversations newest first, renames and deletes them', async () => {
    await chat(alice, 'conv-a2', 'Where is the releases page?');
    const { conversations } = await listConversations(alice.id, { limit: 10 });
    expect(conversations.map((c) => c.id)).toEqual(['conv-a2', 'conv-a1']);
    await renameConversation(alice.id, 'conv-a1', 'Installing');
    expect((await getConversationMessages(alice.id, 'conv-a1')).conversation.title).toBe('Installing');
    await deleteConversation(alice.id, 'conv-a2');
    expect((await listConversations(alice.id, { limit: 10 })).conversations.map((c) => c.id)).toEqual([
      'conv-a1',
    ]);
    expect(await db().message.count({ where: { conversationId: 'conv-a2' } })).toBe(0);
  });

  it('pages conversations by cursor', async () => {
    for (const id of ['conv-p1', 'conv-p2', 'conv-p3'])
      await db().conversation.create({ data: { id, userId: bob.id, title: id } });
    const first = await listConversations(bob.id, { limit: 2 });
    expect(first.conversations).toHaveLength(2);
    const second = await listConversations(bob.id, { limit: 2, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.conversations, ...second.conversations].map((c) => c.id).sort()).toEqual([
      'conv-p1',
      'conv-p2',
      'conv-p3',
    ]);
  });

  it('hides another user’s conversation behind 404 for every operation, including a new chat with its id', async () => {
    const notFound = { code: 'not_found', status: 404, message: 'Conversation not found.' };
    await expect(getConversationMessages(bob.id, 'conv-a1')).rejects.toMatchObject(notFound);
    await expect(renameConversation(bob.id, 'conv-a1', 'Mine now')).rejects.toMatchObject(notFound);
    await expect(deleteConversation(bob.id, 'conv-a1')).rejects.toMatchObject(notFound);
    await expect(chat(bob, 'conv-a1', 'What did Alice ask?')).rejects.toMatchObject(notFound);
    await expect(chat(bob, 'conv-a1')).rejects.toMatchObject(notFound);
    const { conversation, messages } = await getConversationMessages(alice.id, 'conv-a1');
    expect(conversation.title).toBe('Installing');
    expect(messages).toHaveLength(4);
  });

  it('opens one conversation when several first requests with the same new id arrive at once', async () => {
    const opened = await Promise.all(
      Array.from({ length: 6 }, () => openConversation(alice.id, 'conv-race', 'Who was first?')),
    );
    expect(opened.filter((conversation) => conversation.created)).toHaveLength(1);
    expect(new Set(opened.map((conversation) => conversation.id))).toEqual(new Set(['conv-race']));
    const stored = await db().conversation.findUniqueOrThrow({ where: { id: 'conv-race' } });
    expect(opened[0]).toMatchObject({ title: stored.title, createdAt: stored.createdAt });
    await expect(openConversation(bob.id, 'conv-race', 'Mine?')).rejects.toMatchObject({ status: 404 });
  });

  it('records feedback only from the asker, and shows it with the answer', async () => {
    const { messages } = await getConversationMessages(alice.id, 'conv-a1');
    const queryLogId = messages[3]!.queryLogId!;
    await expect(
      recordFeedback({ userId: bob.id, queryLogId, rating: 1, comment: null }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await recordFeedback({ userId: alice.id, queryLogId, rating: -1, comment: 'Missing the ARM package.' });
    const log = await db().queryLog.findUniqueOrThrow({ where: { id: queryLogId } });
    expect(log).toMatchObject({ feedback: -1, feedbackComment: 'Missing the ARM package.' });
    const again = await getConversationMessages(alice.id, 'conv-a1');
    expect(again.messages[3]!.metadata.feedback).toEqual({ rating: -1, comment: 'Missing the ARM package.' });
  });

  it('titles a conversation from the first line of its question, cut at a word', () => {
    expect(titleFromQuestion('  Short one?\nwith details  ')).toBe('Short one?');
    const long = titleFromQuestion(`${'word '.repeat(40)}end`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('serves a cited document to those who may see it, and 404 to others', async () => {
    const response = await documentFileResponse(alice, documentId, false);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="install.md"/);
    expect(response.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(await response.text()).toBe(guide);
    expect((await documentFileResponse(alice, documentId, true)).headers.get('content-disposition')).toMatch(
      /^attachment/,
    );

    const { documentId: secretId } = await ingestFile({
      fileName: 'salaries.md',
      source: 'salaries.md',
      bytes: new TextEncoder().encode('# Salaries\n\nConfidential figures.\n'),
      visibility: 'PRIVATE',
      createdById: admin.id,
    });
    await expect(documentFileResponse(alice, secretId, false)).rejects.toMatchObject({ status: 404 });
    expect((await documentFileResponse(admin, secretId, false)).status).toBe(200);
    await expect(documentFileResponse(alice, 'no-such-document', false)).rejects.toMatchObject({
      status: 404,
    });
  });
});
