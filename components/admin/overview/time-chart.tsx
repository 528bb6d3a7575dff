'use client';
// A chart over the range's steps (bars, lines or areas, stacked or not). A click on a step opens the
// query explorer filtered to it; the same links are in the text alternative beside the chart.
import { useRouter } from 'next/navigation';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatAxis, formatValue, type ChartUnit } from './chart-format';

export type Series = {
  key: string;
  name: string;
  color: string;
  kind: 'bar' | 'line' | 'area';
  stack?: string;
};

export type TimePoint = { label: string; href: string } & Record<string, string | number | null>;

export function TimeChart({
  title,
  summary,
  data,
  series,
  unit,
  height = 240,
}: {
  title: string;
  summary: string;
  data: TimePoint[];
  series: Series[];
  unit: ChartUnit;
  height?: number;
}) {
  const router = useRouter();
  return (
    <div style={{ height }} className="w-full text-xs" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={data}
          title={title}
          desc={summary}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          style={{ cursor: 'pointer' }}
          onClick={(state) => {
            const index = Number(state?.activeTooltipIndex ?? state?.activeIndex);
            const point = Number.isInteger(index) ? data[index] : undefined;
            if (point) router.push(point.href);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="label" tick={{ fill: 'currentColor' }} minTickGap={24} />
          <YAxis
            width={64}
            tick={{ fill: 'currentColor' }}
            tickFormatter={(value: number) => formatAxis(unit, value)}
          />
          <Tooltip
            formatter={(value) => formatValue(unit, typeof value === 'number' ? value : null)}
            contentStyle={{ fontSize: 12 }}
          />
          <Legend />
          {series.map((item) =>
            item.kind === 'bar' ? (
              <Bar
                key={item.key}
                dataKey={item.key}
                name={item.name}
                fill={item.color}
                stackId={item.stack}
                isAnimationActive={false}
              />
            ) : item.kind === 'area' ? (
              <Area
                key={item.key}
                dataKey={item.key}
                name={item.name}
                stroke={item.color}
                fill={item.color}
                fillOpacity={0.3}
                stackId={item.stack}
                type="monotone"
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={item.key}
                dataKey={item.key}
                name={item.name}
                stroke={item.color}
                strokeWidth={2}
                dot={data.length <= 31}
                type="monotone"
                connectNulls
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
