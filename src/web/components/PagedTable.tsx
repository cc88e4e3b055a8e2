// A table of a list that grows with "show more": a placeholder while the first page loads,
// a sentence when there is nothing, and the button while the server has more.
import { Button, Skeleton, Table, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

interface PagedTableProps<T> {
  pages: UseInfiniteQueryResult<InfiniteData<{ items: T[] }>>;
  columns: string[];
  row: (item: T) => ReactNode;
  empty: string;
  showMore: string;
  testId: string;
  /**
   * Where the table may be narrower than its columns (a side column), it scrolls: this names
   * the scrolling region, which then takes the keyboard's focus so it can be scrolled without a mouse.
   */
  scrollLabel?: string;
}

export function PagedTable<T>({ pages, columns, row, empty, showMore, testId, scrollLabel }: PagedTableProps<T>) {
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {pages.isPending ? (
        <Skeleton height={120} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Table.ScrollContainer
          minWidth={720}
          {...(scrollLabel ? { type: 'native' as const, tabIndex: 0, role: 'region', 'aria-label': scrollLabel } : {})}
        >
          <Table striped verticalSpacing="xs" data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column}>{column}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{items.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages.hasNextPage && (
        <Button
          variant="subtle"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
          style={{ alignSelf: 'start' }}
        >
          {showMore}
        </Button>
      )}
    </>
  );
}
