// Page object for the chat at /.
import type { Page } from '@playwright/test';

export class ChatPage {
  constructor(private readonly page: Page) {}

  input() {
    return this.page.getByTestId('chat-input');
  }

  async ask(question: string) {
    await this.input().fill(question);
    await this.page.getByTestId('chat-submit').click();
  }

  lastAnswer() {
    return this.page.getByTestId('message-assistant').last();
  }

  sources() {
    return this.lastAnswer().getByTestId('source-item');
  }

  error() {
    return this.page.getByTestId('chat-error');
  }
}
