/** Trace dump formats `check` and `analyze` read. */
export const INPUT_FORMATS = [
  'otlp-json',
  'otlp-protobuf',
  'jaeger',
  'zipkin',
] as const;

export type InputFormat = (typeof INPUT_FORMATS)[number];

/** What `--input` accepts: a format, or `auto` to recognise it from the content. */
export type InputFormatOption = InputFormat | 'auto';

export const INPUT_FORMAT_OPTIONS: readonly InputFormatOption[] = [
  'auto',
  ...INPUT_FORMATS,
];
