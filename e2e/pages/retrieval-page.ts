// Page object for the "Why these sources" page at /admin/retrieval.
import type { Page } from '@playwright/test';

export type Stage = 'vector' | 'text' | 'fused' | 'rerank';

export class RetrievalPage {
  constructor(private readonly page: Page) {}

  goto(question?: string) {
    return this.page.goto(
      question ? `/admin/retrieval?q=${encodeURIComponent(question)}` : '/admin/retrieval',
    );
  }

  async explain(question: string) {
    await this.page.getByTestId('retrieval-question').fill(question);
    await this.page.getByTestId('retrieval-submit').click();
  }

  hint() {
    return this.page.getByTestId('retrieval-hint');
  }

  stage(stage: Stage) {
    return this.page.getByTestId(`stage-${stage}`);
  }

  hits(stage: Stage) {
    return this.stage(stage).getByTestId('stage-hit');
  }

  finalPassages() {
    return this.page.getByTestId('final-passage');
  }

  timing(stage: string) {
    return this.page.getByTestId(`timing-${stage}`);
  }
}
