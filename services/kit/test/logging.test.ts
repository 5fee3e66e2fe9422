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
