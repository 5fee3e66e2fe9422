import { describeServiceChassis } from '../../../test/support/service-chassis';
import { gatewayService } from '../src/service';

describeServiceChassis(gatewayService, { degradesWithout: ['redis'] });
