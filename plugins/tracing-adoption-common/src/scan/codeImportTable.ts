import type { DetectionCodeImportRule } from './settings';

const JVM = ['.java', '.kt', '.scala', '.groovy'];
const JAVASCRIPT = [
  '.js',
  '.mjs',
  '.cjs',
  '.jsx',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
];

/**
 * OpenTracing imports. They matter where no manifest declares the library:
 * jars in a `lib/` folder, vendored code, or a library reached transitively.
 */
// prettier-ignore
export const DEFAULT_CODE_IMPORT_RULES: DetectionCodeImportRule[] = [
  { extensions: JVM, pattern: '^\\s*import\\s+(static\\s+)?io\\.opentracing\\.', library: 'io.opentracing:opentracing-api', ecosystem: 'maven', kind: 'opentracing' },
  { extensions: JVM, pattern: '^\\s*import\\s+(static\\s+)?io\\.jaegertracing\\.', library: 'io.jaegertracing:jaeger-client', ecosystem: 'maven', kind: 'opentracing' },
  { extensions: JAVASCRIPT, pattern: '(require\\s*\\(\\s*|from\\s+|import\\s*\\(?\\s*)[\'"`]opentracing[\'"`/]', library: 'opentracing', ecosystem: 'npm', kind: 'opentracing' },
  { extensions: JAVASCRIPT, pattern: '(require\\s*\\(\\s*|from\\s+|import\\s*\\(?\\s*)[\'"`]jaeger-client[\'"`/]', library: 'jaeger-client', ecosystem: 'npm', kind: 'opentracing' },
  { extensions: ['.go'], pattern: '"github\\.com/opentracing/opentracing-go(/[^"]*)?"', library: 'github.com/opentracing/opentracing-go', ecosystem: 'go', kind: 'opentracing' },
  { extensions: ['.go'], pattern: '"github\\.com/uber/jaeger-client-go(/[^"]*)?"', library: 'github.com/uber/jaeger-client-go', ecosystem: 'go', kind: 'opentracing' },
  { extensions: ['.py'], pattern: '^\\s*(import|from)\\s+opentracing\\b', library: 'opentracing', ecosystem: 'pypi', kind: 'opentracing' },
  { extensions: ['.py'], pattern: '^\\s*(import|from)\\s+jaeger_client\\b', library: 'jaeger-client', ecosystem: 'pypi', kind: 'opentracing' },
  { extensions: ['.cs'], pattern: '^\\s*using\\s+OpenTracing\\b', library: 'OpenTracing', ecosystem: 'nuget', kind: 'opentracing' },
  { extensions: ['.rb'], pattern: '^\\s*require\\s*\\(?\\s*[\'"]opentracing[\'"]', library: 'opentracing', ecosystem: 'rubygems', kind: 'opentracing' },
  { extensions: ['.php'], pattern: '^\\s*use\\s+OpenTracing\\\\', library: 'opentracing/opentracing', ecosystem: 'composer', kind: 'opentracing' },
];
