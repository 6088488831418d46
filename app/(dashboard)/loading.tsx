import { CardsSkeleton, PanelSkeleton } from '@/components/ui/skeleton';

// Shown while a page's server part starts (navigation between pages); sections stream in after.
export default function Loading() {
  return (
    <div className="space-y-4">
      <div className="h-14" />
      <CardsSkeleton />
      <PanelSkeleton />
    </div>
  );
}
