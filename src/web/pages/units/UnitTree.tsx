import { ActionIcon, Anchor, Badge, Box, Group, Highlight, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from './unit-tree.ts';

interface UnitTreeProps {
  nodes: UnitNode[];
  isOpen: (node: UnitNode) => boolean;
  onToggle: (node: UnitNode) => void;
  /** The page of a unit, with the URL state to keep (the cycle). */
  linkTo: (unitId: string) => string;
  /** Text to mark in the names. */
  highlight: string;
  label: string;
}

/**
 * Nested lists with a disclosure button per unit that has units beneath it: Tab moves
 * through buttons and links, Enter or Space opens and closes, and screen readers hear
 * the nesting level of each list.
 */
export function UnitTree({ nodes, label, ...props }: UnitTreeProps) {
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {nodes.map((node) => (
        <UnitTreeItem key={node.unit.id} node={node} {...props} />
      ))}
    </Box>
  );
}

function UnitTreeItem({
  node,
  isOpen,
  onToggle,
  linkTo,
  highlight,
}: { node: UnitNode } & Omit<UnitTreeProps, 'nodes' | 'label'>) {
  const { t } = useTranslation('units');
  const { unit, children } = node;
  const open = children.length > 0 && isOpen(node);
  const listId = `unit-children-${unit.id}`;
  return (
    <li>
      <Group gap={4} wrap="nowrap" align="flex-start" py={4} data-testid="unit-tree-item">
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-label={t(open ? 'tree.collapse' : 'tree.expand', { name: unit.name })}
            onClick={() => onToggle(node)}
          >
            <IconChevronRight
              size={16}
              aria-hidden
              style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms ease' }}
            />
          </ActionIcon>
        ) : (
          // Keeps names in line with their siblings that have a button.
          <Box w={28} style={{ flexShrink: 0 }} aria-hidden />
        )}
        <Group gap="xs" style={{ minWidth: 0, rowGap: 2 }} pt={3}>
          <Anchor component={Link} to={linkTo(unit.id)} fw={600}>
            {highlight.trim() ? (
              <Highlight component="span" highlight={highlight.trim()} inherit>
                {unit.name}
              </Highlight>
            ) : (
              unit.name
            )}
          </Anchor>
          <Badge variant="light" color="gray" size="sm">
            {t(`kind.${unit.kind}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('memberCount', { count: unit.memberCount })}
            {children.length > 0 && !open && ` · ${t('tree.subUnits', { count: children.length })}`}
          </Text>
        </Group>
      </Group>
      {open && (
        <Box
          component="ul"
          id={listId}
          pl={{ base: 'sm', sm: 'lg' }}
          style={{ listStyle: 'none', margin: '0 0 0 13px', borderLeft: '1px solid var(--mantine-color-gray-3)' }}
        >
          {children.map((child) => (
            <UnitTreeItem
              key={child.unit.id}
              node={child}
              isOpen={isOpen}
              onToggle={onToggle}
              linkTo={linkTo}
              highlight={highlight}
            />
          ))}
        </Box>
      )}
    </li>
  );
}
