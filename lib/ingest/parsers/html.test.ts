import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, parseHtml } from './html';

const page = `<!doctype html>
<html lang="en">
<head>
  <title>Refunds | ACME Help Center</title>
  <style>body { color: red }</style>
  <script>window.analytics = 'tracking code';</script>
</head>
<body>
  <header class="site"><a href="/">ACME logo</a><nav><a href="/a">Products</a><a href="/b">Pricing</a></nav></header>
  <div role="navigation">Breadcrumbs: Home › Help</div>
  <main>
    <article>
      <header><h1>Refund policy</h1><p>Updated in March.</p></header>
      <p>Customers may ask for a <strong>refund</strong> within <a href="/terms">thirty days</a>.</p>
      <h2>Exceptions</h2>
      <ul><li>Gift cards</li><li>Sale items</li></ul>
      <table>
        <thead><tr><th>Item</th><th>Refund</th></tr></thead>
        <tbody><tr><td>Book</td><td>Full</td></tr><tr><td>Course</td><td>Partial</td></tr></tbody>
      </table>
      <pre><code class="language-sh">curl -X POST /refunds
echo done</code></pre>
      <p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" alt="Refund flow chart"></p>
      <div hidden>Hidden promo</div>
      <p aria-hidden="true">Decorative text</p>
      <form><label>Was this helpful? <input name="vote"></label><button>Send</button></form>
      <aside>Related: Shipping times</aside>
    </article>
  </main>
  <footer>© ACME · Privacy · Imprint</footer>
  <script>trackPageView()</script>
</body>
</html>`;

describe('parseHtml', () => {
  it('keeps the article as Markdown and strips navigation, chrome, scripts, styles, forms and asides', () => {
    const { title, markdown } = parseHtml(new TextEncoder().encode(page));
    expect(title).toBe('Refund policy');
    expect(markdown).toBe(
      [
        '# Refund policy',
        'Updated in March.',
        'Customers may ask for a **refund** within [thirty days](/terms).',
        '## Exceptions',
        '- Gift cards\n- Sale items',
        '| Item   | Refund  |\n| ------ | ------- |\n| Book   | Full    |\n| Course | Partial |',
        '```sh\ncurl -X POST /refunds\necho done\n```',
        'Refund flow chart',
      ].join('\n\n'),
    );
  });

  it('reads the whole body when the page has no main element or single article', () => {
    const { pageTitle, markdown } = htmlToMarkdown(
      '<title>Notes</title><nav>Menu</nav><h2>One</h2><p>First.</p><section><h2>Two</h2><p>Second.</p></section><footer>Foot</footer>',
    );
    expect(pageTitle).toBe('Notes');
    expect(markdown).toBe('## One\n\nFirst.\n\n## Two\n\nSecond.');
  });

  it('falls back to the <title> when the content has no top heading', () => {
    const { title } = parseHtml(new TextEncoder().encode('<title> Release\n notes </title><p>Text.</p>'));
    expect(title).toBe('Release notes');
  });

  it('gives a table without header cells its first row as the header', () => {
    const { markdown } = htmlToMarkdown(
      '<table><tr><td>Day</td><td>Task</td></tr><tr><td>1</td><td>Intro</td></tr></table>',
    );
    expect(markdown).toBe('| Day | Task  |\n| --- | ----- |\n| 1   | Intro |');
  });
});
