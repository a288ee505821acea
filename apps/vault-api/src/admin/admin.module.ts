import { Module } from '@nestjs/common';
import { BulkBlocksController } from './bulk-blocks/bulk-blocks.http.controller';
import { IdentityNumberConflictsController } from './identity-number-conflicts/identity-number-conflicts.http.controller';

@Module({ controllers: [BulkBlocksController, IdentityNumberConflictsController] })
export class AdminModule {}
