// React itself logs the error it caught (console.error).
import { Component, Suspense, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { PageLoader } from './PageLoader.tsx';
import { RouteError } from './RouteError.tsx';

interface Props {
  children: ReactNode;
  /** The navigation shown (its location key): an error belongs to the one it happened at. */
  at: string;
}

interface State {
  failed: boolean;
  error: unknown;
  /** The navigation it failed at: the next navigation renders the page again. */
  at: string | null;
}

class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, error: undefined, at: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error, at: null };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (!state.failed) return null;
    if (state.at === null) return { at: props.at };
    return state.at === props.at ? null : { failed: false, error: undefined, at: null };
  }

  override render() {
    return this.state.failed ? <RouteError error={this.state.error} /> : this.props.children;
  }
}

/**
 * A route's error page (the API's own words where there are any) and its loader while its
 * code or texts load, as the data router's errorElement and hydrateFallbackElement did. The
 * next navigation renders the page again.
 */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { key } = useLocation();
  return (
    <ErrorBoundary at={key}>
      <Suspense fallback={<PageLoader />}>{children}</Suspense>
    </ErrorBoundary>
  );
}
