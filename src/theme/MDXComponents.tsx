// MDX components available on every page without an import: Tabs and TabItem.
// Interactive tutorial components are registered here as they are added.
import MDXComponents from '@theme-original/MDXComponents';
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

export default {
  ...MDXComponents,
  Tabs,
  TabItem,
};
