// The dashboard's pictures, with recharts. Loaded on demand (React.lazy), so the charting
// library never weighs on a page without charts. Each picture is hidden from assistive
// technology: its figure gives the same numbers as text and a table.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { STATUSES, type Status } from '../../../core/domain.ts';
import type { Dashboard } from '../../api/types.ts';
import { STATUS_FILL } from './figures.ts';

const AXIS_TICK = { fontSize: 12 };
const BAR_COLOUR = 'var(--mantine-color-blue-6)';
const LINE_COLOUR = 'var(--mantine-color-blue-7)';
const COUNT_COLOUR = 'var(--mantine-color-gray-4)';

/** Objectives and key results, one bar each, split by status and labelled with the counts. */
export function StatusChart({
  objectives,
  keyResults,
  labels,
}: {
  objectives: Dashboard['objectives']['byStatus'];
  keyResults: Dashboard['keyResults']['byStatus'];
  labels: { status: Record<Status, string>; objectives: string; keyResults: string };
}) {
  const data = [
    { name: labels.objectives, ...objectives },
    { name: labels.keyResults, ...keyResults },
  ];
  return (
    <ResponsiveContainer width="100%" height={150}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 0, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
        <YAxis type="category" dataKey="name" tick={AXIS_TICK} width={100} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {STATUSES.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            name={labels.status[status]}
            stackId="status"
            fill={STATUS_FILL[status]}
            isAnimationActive={false}
          >
            <LabelList dataKey={status} position="center" fontSize={12} fill="#000" formatter={hideZero} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

const hideZero = (value: unknown) => (value === 0 ? '' : String(value));

/** Objectives per band of progress, each bar labelled with its count. */
export function DistributionChart({ bands }: { bands: { label: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={bands} margin={{ top: 20, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" minTickGap={4} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} width={36} />
        <Tooltip />
        <Bar dataKey="count" fill={BAR_COLOUR} isAnimationActive={false}>
          <LabelList dataKey="count" position="top" fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Average confidence per week as a line (0–10), the number of check-ins as pale bars behind it. */
export function TrendChart({
  weeks,
  labels,
}: {
  weeks: { label: string; checkIns: number; averageConfidence: number | null }[];
  labels: { checkIns: string; average: string };
}) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <ComposedChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={8} />
        <YAxis yAxisId="confidence" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={AXIS_TICK} width={28} />
        <YAxis yAxisId="count" orientation="right" allowDecimals={false} tick={AXIS_TICK} width={36} />
        <Tooltip />
        <Bar yAxisId="count" dataKey="checkIns" name={labels.checkIns} fill={COUNT_COLOUR} isAnimationActive={false} />
        <Line
          yAxisId="confidence"
          dataKey="averageConfidence"
          name={labels.average}
          stroke={LINE_COLOUR}
          strokeWidth={2}
          dot={{ r: 3, fill: LINE_COLOUR }}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
