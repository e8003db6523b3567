import { useQuery } from '@apollo/client/react';
import { CategoryTreeDocument } from '../../gql/graphql';
import { Link } from '../router';

/** The category tree: each category opens a search within it. */
export function Browse() {
  const { data, loading, error } = useQuery(CategoryTreeDocument);
  if (loading) return <p aria-busy="true">Loading categories…</p>;
  if (error || !data) return <p role="alert">Could not load the categories: {error?.message}</p>;
  return (
    <nav aria-label="Categories" className="categories">
      <h1>Browse the shop</h1>
      <ul>
        {data.categories.map((root) => (
          <li key={root.id}>
            <Link href={`/search?category=${root.id}`} className="category-root">
              {root.name}
            </Link>
            {root.children.length > 0 && (
              <ul>
                {root.children.map((child) => (
                  <li key={child.id}>
                    <Link href={`/search?category=${child.id}`}>{child.name}</Link>
                    {child.children.length > 0 && (
                      <ul>
                        {child.children.map((leaf) => (
                          <li key={leaf.id}>
                            <Link href={`/search?category=${leaf.id}`}>{leaf.name}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
