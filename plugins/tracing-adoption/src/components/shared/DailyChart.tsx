import { Typography, useTheme } from '@material-ui/core';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { toneColor } from './Tone';

interface DailySeries<T> {
  key: keyof T & string;
  name: string;
  color: 'primary' | 'muted' | 'ok' | 'error';
  dashed?: boolean;
}

/**
 * Daily counts as step lines, themed from the Backstage palette. The caption
 * states the latest figures in words for readers who cannot see the chart.
 */
export function DailyChart<T extends { day: string }>({
  title,
  caption,
  data,
  series,
  height = 240,
}: {
  title: string;
  caption: string;
  data: T[];
  series: DailySeries<T>[];
  height?: number;
}) {
  const theme = useTheme();
  const colors = {
    primary: theme.palette.primary.main,
    muted: theme.palette.text.secondary,
    ok: toneColor(theme, 'ok'),
    error: toneColor(theme, 'error'),
  };
  const axis = {
    stroke: theme.palette.divider,
    tick: { fill: theme.palette.text.secondary, fontSize: 12 },
  };
  return (
    <figure aria-label={title} style={{ margin: 0 }}>
      <ResponsiveContainer
        width="100%"
        height={height}
        // jsdom measures nothing; browsers resize on the first observation
        initialDimension={{ width: 600, height }}
      >
        <LineChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
          <XAxis dataKey="day" {...axis} />
          <YAxis allowDecimals={false} {...axis} />
          <Tooltip
            contentStyle={{
              backgroundColor: theme.palette.background.paper,
              borderColor: theme.palette.divider,
              color: theme.palette.text.primary,
            }}
          />
          <Legend />
          {series.map(s => (
            <Line
              key={s.key}
              type="stepAfter"
              dataKey={s.key}
              name={s.name}
              stroke={colors[s.color]}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              dot={data.length < 3}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <Typography
        component="figcaption"
        variant="caption"
        color="textSecondary"
      >
        {caption}
      </Typography>
    </figure>
  );
}
