import { logSecurityEvent, runWithContext } from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';

test('passwords, tokens, the authorization and cookie headers never reach a log line', () => {
  const logs = captureLogs('kit-test');
  logs.logger.info(
    {
      password: 'hunter2-top-level',
      account: { password: 'hunter2-nested' },
      token: 'one-time-token-value',
      body: { token: 'nested-token-value', accessToken: 'eyJ.access.nested', refreshToken: 'refresh-nested' },
      accessToken: 'eyJ.access.top',
      refreshToken: 'refresh-top',
      headers: { authorization: 'Bearer eyJ.header', cookie: 'whatif_refresh=abc', 'user-agent': 'curl/8' },
    },
    'a request worth logging',
  );
  const [line] = logs.lines;
  expect(line).toMatchObject({
    password: '[redacted]',
    account: { password: '[redacted]' },
    token: '[redacted]',
    body: { token: '[redacted]', accessToken: '[redacted]', refreshToken: '[redacted]' },
    accessToken: '[redacted]',
    refreshToken: '[redacted]',
    headers: { authorization: '[redacted]', cookie: '[redacted]', 'user-agent': 'curl/8' },
  });
  const text = JSON.stringify(line);
  for (const secret of ['hunter2', 'token-value', 'eyJ', 'refresh-', 'whatif_refresh']) {
    expect(text).not.toContain(secret);
  }
});

test('every line names the service, and a line written inside a request carries its id', () => {
  const logs = captureLogs('kit-test');
  logs.logger.info('outside');
  runWithContext({ requestId: 'request-0001' }, () => logs.logger.info('inside'));
  expect(logs.lines.map((line) => [line['msg'], line['service'], line['requestId']])).toEqual([
    ['outside', 'kit-test', undefined],
    ['inside', 'kit-test', 'request-0001'],
  ]);
});

test('a denied or failed security decision is a warning a SIEM can select; an allowed one is info', () => {
  const logs = captureLogs('kit-test');
  logSecurityEvent(logs.logger, 'authorization', 'denied', { userId: 'u1', permission: 'users:read' });
  logSecurityEvent(logs.logger, 'authorization', 'allowed', { userId: 'u2', permission: 'users:read' });
  expect(logs.lines).toEqual([
    expect.objectContaining({
      level: 'warn',
      securityEvent: true,
      event: 'authorization',
      outcome: 'denied',
      userId: 'u1',
    }),
    expect.objectContaining({
      level: 'info',
      securityEvent: true,
      event: 'authorization',
      outcome: 'allowed',
      userId: 'u2',
    }),
  ]);
});

test("redaction copies only a line that holds a secret, never changes the caller's objects, and keeps an error whole", () => {
  const logs = captureLogs('kit-test');
  const body = { token: 'nested-token-value', title: 'kept' };
  const fields = { body, path: '/api/v1/auth/login' };
  logs.logger.info(fields, 'with a secret');
  expect(fields.body).toBe(body);
  expect(body.token).toBe('nested-token-value');

  const failure = Object.assign(new Error('the mailer refused'), {
    token: 'mailed-link-token',
    code: 'EMAIL',
  });
  logs.logger.error({ err: failure }, 'an error carrying a token');
  expect(failure.token).toBe('mailed-link-token');

  logs.logger.child({ component: 'worker', accessToken: 'eyJ.child.binding' }).info('from a child');

  const [withSecret, withError, fromChild] = logs.lines;
  expect(withSecret).toMatchObject({
    body: { token: '[redacted]', title: 'kept' },
    path: '/api/v1/auth/login',
  });
  expect(withError).toMatchObject({
    err: { type: 'Error', message: 'the mailer refused', token: '[redacted]', code: 'EMAIL' },
  });
  expect(String((withError!['err'] as Record<string, unknown>)['stack'])).toContain('the mailer refused');
  expect(fromChild).toMatchObject({ component: 'worker', accessToken: '[redacted]', msg: 'from a child' });
  expect(JSON.stringify(logs.lines)).not.toMatch(/token-value|mailed-link|eyJ/);
});

test('a line without secrets is written as it was given', () => {
  const logs = captureLogs('kit-test');
  const fields = { method: 'GET', status: 200, headers: { 'user-agent': 'curl/8' }, items: [1, 2] };
  logs.logger.info(fields, 'request');
  expect(logs.lines[0]).toMatchObject(fields);
});
