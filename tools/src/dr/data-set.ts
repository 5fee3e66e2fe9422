/**
 * The drill's known data set, written through the gateway in three waves: before the base
 * backup, after it but before the restore target, and after the target. After the restore,
 * everything of the first two waves must be there and nothing of the third.
 */

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
}

async function expectStatus(
  answer: Promise<Answer>,
  expected: number[],
  what: string,
): Promise<Record<string, unknown>> {
  const settled = await answer;
  if (!expected.includes(settled.status)) {
    throw new Error(`${what} answered ${settled.status}: ${JSON.stringify(settled.body).slice(0, 400)}`);
  }
  return settled.body;
}

export interface Account {
  label: string;
  email: string;
  password: string;
  userId: string;
  token: string;
}

export interface Published {
  owner: string;
  scenarioId: string;
  shareSlug: string;
  postId: string;
}

/** What each wave wrote, so the verification knows what must and must not be there. */
export interface WaveRecord {
  wave: 'before-backup' | 'before-target' | 'after-target';
  accounts: Account[];
  published: Published[];
  likes: { by: string; postId: string }[];
  follows: { by: string; of: string }[];
  /** When its first write was sent and its last was answered. */
  startedAt: Date;
  finishedAt: Date;
}

const password = 'drill-passphrase-42';
const questions: Record<WaveRecord['wave'], string> = {
  'before-backup': 'What if the Library of Alexandria had never burned?',
  'before-target': 'What if the printing press had been invented in Rome?',
  'after-target': 'What if the telegraph had come a century early?',
};

export class DataSet {
  readonly waves: WaveRecord[] = [];
  private readonly accounts = new Map<string, Account>();

  constructor(
    private readonly api: string,
    private readonly runId: string,
  ) {}

  private async register(label: string): Promise<Account> {
    const email = `dr.${label}.${this.runId}@example.test`;
    const body = await expectStatus(
      call(this.api, 'POST', '/api/v1/auth/register', undefined, {
        email,
        password,
        displayName: `Drill ${label}`,
      }),
      [201],
      `registering ${label}`,
    );
    const account = {
      label,
      email,
      password,
      userId: (body['user'] as { id: string }).id,
      token: body['accessToken'] as string,
    };
    this.accounts.set(label, account);
    return account;
  }

  private account(label: string): Account {
    const found = this.accounts.get(label);
    if (!found) throw new Error(`no account ${label} in the data set`);
    return found;
  }

  private async publish(owner: Account, question: string): Promise<Published> {
    const scenario = await expectStatus(
      call(this.api, 'POST', '/api/v1/scenarios', owner.token, { question }),
      [201],
      `${owner.label} generating a scenario`,
    );
    const scenarioId = scenario['id'] as string;
    const share = await expectStatus(
      call(this.api, 'POST', '/api/v1/shares', owner.token, { scenarioId }),
      [201],
      `${owner.label} sharing ${scenarioId}`,
    );
    const post = await expectStatus(
      call(this.api, 'POST', '/api/v1/social/posts', owner.token, {
        scenarioId,
        caption: `Drill ${owner.label}`,
      }),
      [201],
      `${owner.label} posting ${scenarioId}`,
    );
    return {
      owner: owner.label,
      scenarioId,
      shareSlug: share['slug'] as string,
      postId: post['id'] as string,
    };
  }

  private async like(by: Account, post: Published): Promise<{ by: string; postId: string }> {
    await expectStatus(
      call(this.api, 'PUT', `/api/v1/social/posts/${post.postId}/like`, by.token),
      [200, 201, 204],
      `${by.label} liking ${post.postId}`,
    );
    return { by: by.label, postId: post.postId };
  }

  private async follow(by: Account, of: Account): Promise<{ by: string; of: string }> {
    await expectStatus(
      call(this.api, 'PUT', `/api/v1/social/following/${of.userId}`, by.token),
      [200, 201, 204],
      `${by.label} following ${of.label}`,
    );
    return { by: by.label, of: of.label };
  }

  private published(owner: string, wave?: WaveRecord['wave']): Published {
    const found = this.waves
      .filter((record) => wave === undefined || record.wave === wave)
      .flatMap((record) => record.published)
      .find((entry) => entry.owner === owner);
    if (!found) throw new Error(`${owner} published nothing`);
    return found;
  }

  /** Accounts, scenarios, shares, posts, likes and follows; each wave also touches the earlier waves' accounts. */
  async write(wave: WaveRecord['wave']): Promise<WaveRecord> {
    const startedAt = new Date();
    const record: WaveRecord = {
      wave,
      accounts: [],
      published: [],
      likes: [],
      follows: [],
      startedAt,
      finishedAt: startedAt,
    };
    const question = questions[wave];
    if (wave === 'before-backup') {
      const ada = await this.register('ada');
      const bo = await this.register('bo');
      record.accounts.push(ada, bo);
      record.published.push(await this.publish(ada, question), await this.publish(bo, question));
      this.waves.push(record);
      record.follows.push(await this.follow(bo, ada));
      record.likes.push(await this.like(bo, this.published('ada')));
    } else if (wave === 'before-target') {
      const cy = await this.register('cy');
      record.accounts.push(cy);
      record.published.push(
        await this.publish(cy, question),
        await this.publish(this.account('ada'), question),
      );
      this.waves.push(record);
      record.likes.push(await this.like(this.account('ada'), this.published('cy')));
    } else {
      const dee = await this.register('dee');
      record.accounts.push(dee);
      record.published.push(
        await this.publish(dee, question),
        await this.publish(this.account('ada'), question),
      );
      this.waves.push(record);
      record.likes.push(await this.like(this.account('bo'), this.published('cy')));
      record.follows.push(await this.follow(this.account('cy'), this.account('ada')));
    }
    record.finishedAt = new Date();
    return record;
  }

  /**
   * Through the restored stack's gateway: every write of the waves before the target is there,
   * none after it. Returns what was found wrong (empty when the restore is exact).
   */
  async verify(
    api: string,
    keptWaves: ReadonlySet<WaveRecord['wave']>,
  ): Promise<{ checked: number; wrong: string[] }> {
    const wrong: string[] = [];
    let checked = 0;
    const expect = (what: string, ok: boolean) => {
      checked += 1;
      if (!ok) wrong.push(what);
    };
    const tokens = new Map<string, string>();
    for (const record of this.waves) {
      const kept = keptWaves.has(record.wave);
      for (const account of record.accounts) {
        const login = await call(api, 'POST', '/api/v1/auth/login', undefined, {
          email: account.email,
          password: account.password,
        });
        expect(
          `${account.label} (${record.wave}) can ${kept ? '' : 'not '}sign in: got ${login.status}`,
          kept ? login.status === 200 : login.status === 401,
        );
        if (login.status === 200) tokens.set(account.label, login.body['accessToken'] as string);
      }
    }
    const share = async (slug: string) =>
      (await fetch(`${api}/s/${slug}`, { headers: { accept: 'text/html' } })).status;
    for (const record of this.waves) {
      const kept = keptWaves.has(record.wave);
      for (const entry of record.published) {
        const token = tokens.get(entry.owner);
        if (token) {
          const scenario = await call(api, 'GET', `/api/v1/scenarios/${entry.scenarioId}`, token);
          expect(
            `${entry.owner}'s ${record.wave} scenario is ${kept ? 'there' : 'gone'}: got ${scenario.status}`,
            scenario.status === (kept ? 200 : 404),
          );
        }
        const page = await share(entry.shareSlug);
        expect(
          `${entry.owner}'s ${record.wave} share page is ${kept ? 'there' : 'gone'}: got ${page}`,
          page === (kept ? 200 : 404),
        );
        const post = await call(api, 'GET', `/api/v1/social/posts/${entry.postId}`, tokens.get('bo'));
        expect(
          `${entry.owner}'s ${record.wave} post is ${kept ? 'there' : 'gone'}: got ${post.status}`,
          post.status === (kept ? 200 : 404),
        );
      }
    }
    // Likes: each kept post counts exactly the kept waves' likes of it.
    const keptPosts = this.waves
      .filter((record) => keptWaves.has(record.wave))
      .flatMap((record) => record.published);
    for (const entry of keptPosts) {
      const wanted = this.waves
        .filter((record) => keptWaves.has(record.wave))
        .flatMap((record) => record.likes)
        .filter((like) => like.postId === entry.postId).length;
      const post = await call(api, 'GET', `/api/v1/social/posts/${entry.postId}`, tokens.get('bo'));
      const likes = (post.body['counts'] as { likes?: number } | undefined)?.likes;
      expect(`${entry.owner}'s post ${entry.postId} counts ${wanted} likes: got ${likes}`, likes === wanted);
    }
    // Follows: each kept account follows exactly whom the kept waves say.
    for (const account of this.waves
      .filter((record) => keptWaves.has(record.wave))
      .flatMap((record) => record.accounts)) {
      const wanted = this.waves
        .filter((record) => keptWaves.has(record.wave))
        .flatMap((record) => record.follows)
        .filter((follow) => follow.by === account.label)
        .map((follow) => this.account(follow.of).userId)
        .sort();
      const page = await call(
        api,
        'GET',
        `/api/v1/social/users/${account.userId}/following`,
        tokens.get(account.label),
      );
      const found = ((page.body['items'] as { userId: string }[] | undefined) ?? [])
        .map((item) => item.userId)
        .sort();
      expect(
        `${account.label} follows ${wanted.length} accounts: got ${found.length}`,
        JSON.stringify(found) === JSON.stringify(wanted),
      );
    }
    // Each kept owner's history lists exactly their kept scenarios.
    for (const [label, token] of tokens) {
      const wanted = keptPosts
        .filter((entry) => entry.owner === label)
        .map((entry) => entry.scenarioId)
        .sort();
      const list = await call(api, 'GET', '/api/v1/scenarios', token);
      const found = ((list.body['items'] as { id: string }[] | undefined) ?? [])
        .map((item) => item.id)
        .sort();
      expect(
        `${label}'s history lists ${wanted.length} scenarios: got ${found.length}`,
        JSON.stringify(found) === JSON.stringify(wanted),
      );
    }
    return { checked, wrong };
  }
}
