'use client';
// A ranked horizontal bar chart (cost by model, top spenders). A click on a bar opens the explorer
// filtered to it; the same links are in the text alternative beside the chart.
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxis, formatValue, type ChartUnit } from './chart-format';

export type RankedBar = { label: string; value: number; href: string };

export function BarListChart({
  title,
  summary,
  data,
  unit,
  color,
  name,
}: {
  title: string;
  summary: string;
  data: RankedBar[];
  unit: ChartUnit;
  color: string;
  name: string;
}) {
  const router = useRouter();
  return (
    <div style={{ height: 40 + data.length * 32 }} className="w-full text-xs" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          title={title}
          desc={summary}
          margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid
            strokeDasharray="3 3"
            horizontal={false}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
          <XAxis
            type="number"
            tick={{ fill: 'currentColor' }}
            tickFormatter={(value: number) => formatAxis(unit, value)}
          />
          <YAxis type="category" dataKey="label" width={180} tick={{ fill: 'currentColor' }} />
          <Tooltip
            formatter={(value) => formatValue(unit, typeof value === 'number' ? value : null)}
            contentStyle={{ fontSize: 12 }}
          />
          <Bar
            dataKey="value"
            name={name}
            fill={color}
            isAnimationActive={false}
            // A model or user that cost nothing (the local models) still gets a bar to select.
            minPointSize={3}
            style={{ cursor: 'pointer' }}
            onClick={(_, index) => {
              const bar = data[index];
              if (bar) router.push(bar.href);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
