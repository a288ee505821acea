import { postgresAndS3 } from '../services/support/vault-backends';
import { describeCrashSafety } from './support/crash-drill';

describeCrashSafety(postgresAndS3);
