// Page object for the chat: / (a new conversation) and /c/{id} (a stored one), with the
// conversations sidebar and the source panel.
import { expect, type Page } from '@playwright/test';

export class ChatPage {
  constructor(private readonly page: Page) {}

  async goto(path = '/') {
    await this.page.goto(path);
  }

  input() {
    return this.page.getByTestId('chat-input');
  }

  async ask(question: string) {
    await this.input().fill(question);
    await this.page.getByTestId('chat-submit').click();
  }

  /** Asks and waits until the answer has finished (its actions show). */
  async askAndWait(question: string) {
    const answers = await this.answers().count();
    await this.ask(question);
    await expect(this.answers()).toHaveCount(answers + 1);
    await this.waitForAnswer();
  }

  async waitForAnswer() {
    await expect(this.page.getByTestId('chat-streaming')).toHaveCount(0);
    await expect(this.lastAnswer().getByTestId('answer-actions')).toBeVisible();
  }

  stopButton() {
    return this.page.getByTestId('chat-stop');
  }

  answers() {
    return this.page.getByTestId('message-assistant');
  }

  questions() {
    return this.page.getByTestId('message-user');
  }

  lastAnswer() {
    return this.answers().last();
  }

  sources() {
    return this.lastAnswer().getByTestId('source-item');
  }

  citations() {
    return this.lastAnswer().getByTestId('citation');
  }

  sourcePanel() {
    return this.page.getByTestId('source-panel');
  }

  regenerate() {
    return this.lastAnswer().getByTestId('answer-regenerate');
  }

  thumbsDown() {
    return this.lastAnswer().getByTestId('feedback-down');
  }

  thumbsUp() {
    return this.lastAnswer().getByTestId('feedback-up');
  }

  note(kind: 'stopped' | 'incomplete' | 'low-confidence' | 'degraded') {
    return this.lastAnswer().getByTestId(`answer-${kind}`);
  }

  error() {
    return this.page.getByTestId('chat-error');
  }

  pausedBanner() {
    return this.page.getByTestId('service-paused');
  }

  /** The sidebar's conversations (the column on a wide screen). */
  conversations() {
    return this.page.getByTestId('conversation-sidebar').getByTestId('conversation-item');
  }

  conversation(title: string | RegExp) {
    return this.conversations().filter({
      has: this.page.getByTestId('conversation-link').filter({ hasText: title }),
    });
  }

  conversationById(id: string) {
    return this.page
      .getByTestId('conversation-sidebar')
      .locator(`[data-testid=conversation-item][data-id="${id}"]`);
  }

  newChatButton() {
    return this.page.getByTestId('conversation-sidebar').getByTestId('new-chat');
  }

  /** The id in the address of the conversation shown (/c/{id}). */
  async conversationId(): Promise<string> {
    await expect(this.page).toHaveURL(/\/c\/[A-Za-z0-9_-]+$/);
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }
}
