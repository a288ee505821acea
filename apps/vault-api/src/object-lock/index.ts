export { ObjectLockCanaryService } from './object-lock-canary.service';
