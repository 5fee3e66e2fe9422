import { awsPermissions, bedrockModelArns, envDefaults, senderDomain } from '@what-if/catalog';

const account = { partition: 'aws', accountId: '123456789012' };

test('a service with tables may use exactly its tables and their indexes', () => {
  const permissions = awsPermissions(
    'history',
    { ...envDefaults('history'), DYNAMODB_TABLE_PREFIX: 'whatif-prod-' },
    account,
  );
  expect(permissions).toEqual([
    expect.objectContaining({
      sid: 'OwnTables',
      resources: [
        'arn:aws:dynamodb:us-east-1:123456789012:table/whatif-prod-scenarios',
        'arn:aws:dynamodb:us-east-1:123456789012:table/whatif-prod-scenarios/index/gsi1',
        'arn:aws:dynamodb:us-east-1:123456789012:table/whatif-prod-scenarios/index/gsi2',
      ],
    }),
  ]);
  expect(awsPermissions('gateway', envDefaults('gateway'), account)).toEqual([]);
});

test('the user service may send mail through SES only with MAILER=ses, and only as its sender domain', () => {
  expect(awsPermissions('user', envDefaults('user'), account)).toEqual([]);
  const ses = awsPermissions(
    'user',
    {
      ...envDefaults('user'),
      MAILER: 'ses',
      AWS_REGION: 'eu-west-1',
      MAIL_FROM: 'What If <no-reply@Mail.Example.com>',
    },
    account,
  );
  expect(ses).toEqual([
    {
      sid: 'SendMail',
      purpose: expect.stringContaining('SES'),
      actions: ['ses:SendEmail'],
      resources: ['arn:aws:ses:eu-west-1:123456789012:identity/mail.example.com'],
    },
  ]);
});

test('generation may invoke exactly the configured Bedrock model, once bedrock is a provider', () => {
  expect(awsPermissions('generation', envDefaults('generation'), account)).toEqual([]);
  const bedrock = awsPermissions(
    'generation',
    {
      ...envDefaults('generation'),
      GENERATION_PROVIDERS: 'openai, bedrock',
      BEDROCK_MODEL_ID: 'amazon.nova-lite-v1:0',
    },
    account,
  );
  expect(bedrock).toEqual([
    {
      sid: 'InvokeBedrockModel',
      purpose: expect.stringContaining('Bedrock'),
      actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      resources: ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'],
    },
  ]);
  expect(() =>
    awsPermissions(
      'generation',
      { ...envDefaults('generation'), GENERATION_PROVIDERS: 'bedrock', BEDROCK_MODEL_ID: '' },
      account,
    ),
  ).toThrow(/BEDROCK_MODEL_ID is empty/);
});

test('a cross-region inference profile grants the profile and its model wherever the profile routes', () => {
  expect(bedrockModelArns('us.anthropic.claude-3-5-haiku-20241022-v1:0', 'us-east-1', account)).toEqual([
    'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0',
    'arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0',
  ]);
  const arn = 'arn:aws:bedrock:eu-west-1:123456789012:provisioned-model/abc123';
  expect(bedrockModelArns(arn, 'us-east-1', account)).toEqual([arn]);
});

test('the sender domain is read from a bare address or a named one', () => {
  expect(senderDomain('no-reply@example.com')).toBe('example.com');
  expect(senderDomain('What If <no-reply@whatif.example.com>')).toBe('whatif.example.com');
  expect(() => senderDomain('What If')).toThrow(/not an address/);
});
