'use client';
// A donut of shares (thumbs up against thumbs down); a click on a slice opens the explorer filtered to it.
import { useRouter } from 'next/navigation';
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { formatInteger } from '../format';

export type Slice = { name: string; value: number; color: string; href: string };

export function ShareDonut({ title, summary, data }: { title: string; summary: string; data: Slice[] }) {
  const router = useRouter();
  return (
    <div style={{ height: 220 }} className="w-full text-xs" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart title={title} desc={summary}>
          <Pie
            data={data}
            dataKey="value"
            nameKey="name"
            innerRadius="55%"
            outerRadius="85%"
            isAnimationActive={false}
            style={{ cursor: 'pointer' }}
            onClick={(_, index) => {
              const slice = data[index];
              if (slice) router.push(slice.href);
            }}
          >
            {data.map((slice) => (
              <Cell key={slice.name} fill={slice.color} />
            ))}
          </Pie>
          <Tooltip formatter={(value) => formatInteger(typeof value === 'number' ? value : null)} />
          <Legend />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
