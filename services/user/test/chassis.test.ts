import { describeServiceChassis } from '../../../test/support/service-chassis';
import { userService } from '../src/service';
import { generateSigningKeyPem } from './support/user-service-harness';

// The user service refuses to start without a signing key, as in production; this file's
// process environment is its own under Jest.
process.env['JWT_SIGNING_KEY'] = generateSigningKeyPem().privateKeyPem;

const signIn = {
  method: 'POST',
  path: '/api/v1/auth/login',
  body: { email: 'nobody@example.com', password: 'not their password' },
};

describeServiceChassis(userService, { storeReads: { postgres: signIn, redis: signIn } });
