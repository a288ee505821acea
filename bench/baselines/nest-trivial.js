'use strict';
// The query baseline: the smallest Nest application on the vault's HTTP adapter (Express), answering a constant
// JSON body. What the framework costs per request, before any authentication, query or rule.
require('reflect-metadata');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

class PingController {
  ping() {
    return { status: 'ok', at: new Date().toISOString() };
  }
}
Controller('ping')(PingController);
Get()(PingController.prototype, 'ping', Object.getOwnPropertyDescriptor(PingController.prototype, 'ping'));

class TrivialModule {}
Module({ controllers: [PingController] })(TrivialModule);

(async () => {
  const app = await NestFactory.create(TrivialModule, { logger: false });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
})();
