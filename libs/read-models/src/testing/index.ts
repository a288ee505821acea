export { inStream, projectionSpec, type ExpectedRows, type GivenEvent, type ProjectionUnderTest } from './projection-spec';
