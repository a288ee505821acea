import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'kluis:auth:public';

/** Lets a route (or every route of a controller) through without a token: health, metrics, docs. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
