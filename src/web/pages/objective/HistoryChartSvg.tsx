// The drawn history of a key result, with recharts. Loaded on demand (React.lazy), so the
// charting library never weighs on a page that shows no chart. The picture is hidden from
// assistive technology; HistoryChart gives the same figures as a table.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTUAL_COLOUR, PLAN_COLOUR, type History } from './history.ts';

export default function HistoryChartSvg({
  data,
  formatDate,
  formatValue,
  labels,
}: {
  data: History;
  formatDate: (t: number) => string;
  formatValue: (value: number) => string;
  labels: { plan: string; actual: string };
}) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[data.from, data.to]}
          tickFormatter={formatDate}
          tick={{ fontSize: 12 }}
          minTickGap={24}
        />
        <YAxis
          dataKey="value"
          type="number"
          domain={['auto', 'auto']}
          tickFormatter={formatValue}
          tick={{ fontSize: 12 }}
          width={48}
          padding={{ top: 8, bottom: 8 }}
        />
        <Tooltip labelFormatter={(t) => formatDate(Number(t))} formatter={(value) => formatValue(Number(value))} />
        <Line
          data={data.plan}
          dataKey="value"
          name={labels.plan}
          stroke={PLAN_COLOUR}
          strokeDasharray="6 4"
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
        <Line
          data={data.actual}
          dataKey="value"
          name={labels.actual}
          stroke={ACTUAL_COLOUR}
          strokeWidth={2}
          dot={{ r: 3, fill: ACTUAL_COLOUR }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
