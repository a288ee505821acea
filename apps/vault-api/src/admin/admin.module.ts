import { Module } from '@nestjs/common';
import { BulkBlocksController } from './bulk-blocks/bulk-blocks.http.controller';

@Module({ controllers: [BulkBlocksController] })
export class AdminModule {}
