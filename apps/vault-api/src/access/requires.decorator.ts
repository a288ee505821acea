import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Action } from '../shared/access/policy/action';
import { REQUIRED_ACTION, RequiresGuard } from './requires.guard';

/** The OpenAPI extension naming a route's action, so the rule table can be checked against every route served. */
export const REQUIRES_EXTENSION = 'x-requires';

/** The action a route performs: its caller must hold one of the action's grants in the rule table (see ACCESS_RULES). */
export const Requires = (action: Action) => applyDecorators(SetMetadata(REQUIRED_ACTION, action), UseGuards(RequiresGuard), ApiExtension(REQUIRES_EXTENSION, action));
