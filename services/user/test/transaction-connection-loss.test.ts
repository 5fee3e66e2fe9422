import { Client } from 'pg';
import { eventually } from '../../../test/support/eventually';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

let user: UserServiceHarness;
beforeAll(async () => {
  user = await startUserService();
});
afterAll(async () => {
  await user?.close();
});

const register = (email: string) =>
  fetch(`${user.service.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'a long enough passphrase 42', displayName: 'Ada' }),
  });

test('registration whose backend is terminated mid-transaction: 503 naming postgres, no account, the retry 201', async () => {
  const url = user.stores.env['DATABASE_URL']!;
  const locker = new Client({ connectionString: url });
  await locker.connect();
  const email = `cut-${Date.now()}@example.test`;
  let pid = 0;
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE one_time_tokens IN EXCLUSIVE MODE');
    const answered = register(email);
    pid = await eventually(async () => {
      const { rows } = await user.database.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'what-if-user' AND wait_event_type = 'Lock'`,
      );
      expect(rows).toHaveLength(1);
      return rows[0]!.pid;
    });
    await user.database.query('SELECT pg_terminate_backend($1)', [pid]);
    const response = await answered;
    const body = await response.json();
    expect(response.status).toBe(503);
    expect(body).toMatchObject({ type: '/problems/postgres-unavailable', dependency: 'postgres' });
  } finally {
    await locker.query('ROLLBACK');
    await locker.end();
  }
  const { rowCount } = await user.database.query('SELECT 1 FROM users WHERE email = $1', [email]);
  expect(rowCount).toBe(0);
  const retried = await register(email);
  expect(retried.status).toBe(201);
  expect((await fetch(`${user.service.url}/health/ready`)).status).toBe(200);
});
