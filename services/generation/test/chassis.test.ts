import { describeServiceChassis } from '../../../test/support/service-chassis';
import { generationService } from '../src/service';

describeServiceChassis(generationService, { degradesWithout: ['redis'] });
