// MDX components available on every page without an import: Tabs, TabItem and the tutorial's
// interactive components (small shells here; their code loads on demand).
import MDXComponents from '@theme-original/MDXComponents';
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import RoleMappingPlayground from '@site/src/components/RoleMappingPlayground';
import YourValues from '@site/src/components/YourValues';
import StsExchangeWalkthrough from '@site/src/components/StsExchangeWalkthrough';
import PolicyGenerator from '@site/src/components/PolicyGenerator';
import DiagnoseSetup from '@site/src/components/DiagnoseSetup';

export default {
  ...MDXComponents,
  Tabs,
  TabItem,
  YourValues,
  RoleMappingPlayground,
  StsExchangeWalkthrough,
  PolicyGenerator,
  DiagnoseSetup,
};
