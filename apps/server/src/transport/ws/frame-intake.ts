import type { FastifyBaseLogger } from 'fastify';
import type { RawData } from 'ws';
import type { Clock } from '../../clock.ts';
import { SerialQueue } from '../../rooms/serial.ts';
import { TokenBucket } from './token-bucket.ts';

/** The refusals the intake itself can give, in words both socket kinds share. */
export type IntakeRefusal = 'RATE_LIMITED' | 'BAD_MESSAGE' | 'INTERNAL';

/**
 * What every socket does with a raw frame before its own handling: refuse a flood (token bucket),
 * refuse binary, and run text frames one at a time in arrival order, so frames that arrive while
 * `hello` is still loading wait their turn instead of being dropped.
 */
export class FrameIntake {
  readonly #queue = new SerialQueue();
  readonly #bucket: TokenBucket;

  constructor(
    clock: Clock,
    rate: ConstructorParameters<typeof TokenBucket>[1],
    private readonly log: FastifyBaseLogger,
    private readonly refuse: (code: IntakeRefusal, message: string) => void,
    private readonly handle: (text: string) => Promise<void>,
  ) {
    this.#bucket = new TokenBucket(clock, rate);
  }

  take(data: RawData, isBinary: boolean): void {
    if (!this.#bucket.take()) {
      this.refuse(
        'RATE_LIMITED',
        'too many messages too fast; this one was dropped. Wait a second and send it again.',
      );
      return;
    }
    this.#queue
      .run(() => {
        if (isBinary) {
          this.refuse('BAD_MESSAGE', 'binary frames are not accepted; send JSON text frames');
          return;
        }
        return this.handle(rawToString(data));
      })
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'websocket frame failed');
        this.refuse('INTERNAL', 'the server could not handle that message and stored nothing; send it again');
      });
  }
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
