// Captures real log output and greps it for the raw values: no PII may reach a log line.
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger';

const pii = {
  email: 'jane.doe@example.com',
  phone: '+44 20 7946 0958',
  ssn: '123-45-6780',
  card: '4111 1111 1111 1111',
  iban: 'DE89370400440532013000',
  ipv4: '203.0.113.42',
  ipv6: '2001:db8::8a2e:370:7334',
};

function capture(): { logger: pino.Logger; output: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino(loggerOptions('info'), sink), output: () => lines.join('') };
}

describe('log redaction', () => {
  it('keeps every raw value out of the message, its arguments, fields, nested fields, errors and bindings', () => {
    const { logger, output } = capture();
    logger.info(`question from ${pii.email} paying with ${pii.card}`);
    logger.info('caller %s at %s', pii.phone, pii.ipv4);
    logger.warn({ question: `my SSN is ${pii.ssn}`, nested: { list: [`IBAN ${pii.iban}`] } }, 'stored');
    logger.error({ err: new Error(`lookup failed for ${pii.ipv6}`) }, 'failed');
    logger.child({ contact: pii.email }).info('child line');
    logger.info({ contactEmail: pii.email }, 'field not covered by the path list');

    const text = output();
    for (const value of Object.values(pii)) expect(text).not.toContain(value);
    expect(text).toContain('[EMAIL]');
    expect(text).toContain('[CARD]');
    expect(text).toContain('[PHONE]');
    expect(text).toContain('[SSN]');
    expect(text).toContain('[IBAN]');
    expect(text).toContain('[IP]');
    expect(text).toContain('"type":"Error"');
  });

  it('writes valid JSON lines that keep ordinary fields as they are', () => {
    const { logger, output } = capture();
    logger.info({ route: '/api/v1/query', status: 200, latencyMs: 1234567 }, 'request done');
    const line = JSON.parse(output().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({
      route: '/api/v1/query',
      status: 200,
      latencyMs: 1234567,
      msg: 'request done',
    });
  });
});
