export { ReconciliationService } from './reconciliation.service';
