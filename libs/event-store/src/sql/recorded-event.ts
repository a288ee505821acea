import type { RecordedEvent } from '../event-store.port';

export interface EventRow {
  position: number | string;
  event_id: string;
  stream: string;
  revision: number | string;
  type: string;
  version: number | string;
  data: string;
  metadata: string;
  recorded_at: Date | string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream,
    revision: Number(row.revision),
    position: Number(row.position),
    type: row.type,
    version: Number(row.version),
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: new Date(row.recorded_at),
  };
}
