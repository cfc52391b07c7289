import fs from 'node:fs';
import { CLEAN_OTLP_DUMP, fixture } from '../testUtils/runCli';
import { loadTraceDump } from './loadTraceDump';

describe('loadTraceDump', () => {
  it.each([
    ['demo-shop.otlp.json', 'otlp-json'],
    ['demo-shop.otlp.pb', 'otlp-protobuf'],
    ['demo-shop.zipkin.json', 'zipkin'],
    ['demo-shop.jaeger.json', 'jaeger'],
  ])('recognises %s as %s', (file, format) => {
    const dump = loadTraceDump(fs.readFileSync(fixture(file)), file, 'auto');
    expect(dump.format).toBe(format);
    expect(dump.traces).toHaveLength(11);
  });

  it('reads the JSON lines the Collector file exporter writes', () => {
    const second = CLEAN_OTLP_DUMP.replace(
      '0af7651916cd43dd8448eb211c80319c',
      '1af7651916cd43dd8448eb211c80319c',
    );
    const dump = loadTraceDump(
      Buffer.from(`${CLEAN_OTLP_DUMP}\n${second}\n`),
      'spans.jsonl',
      'auto',
    );
    expect(dump.format).toBe('otlp-json');
    expect(dump.traces).toHaveLength(2);
  });

  it('names the input that is neither JSON nor protobuf', () => {
    expect(() =>
      loadTraceDump(Buffer.from('{ not json'), 'spans.json', 'auto'),
    ).toThrow(/^spans\.json is not valid JSON/);
    expect(() =>
      loadTraceDump(Buffer.from('\u00ff\u00ff\u00ff'), 'spans.pb', 'auto'),
    ).toThrow(/^spans\.pb is not an OTLP protobuf ExportTraceServiceRequest/);
    expect(() => loadTraceDump(Buffer.alloc(0), 'spans.pb', 'auto')).toThrow(
      'spans.pb is empty',
    );
  });
});
