namespace RtfmGym.Env.Memory;

/// <summary>
/// Moves the <c>count</c> smallest keys (and their items) to the front, in ascending order, without
/// sorting the rest: a retrieval ranks a few hundred entries of a full neighbourhood to keep a few
/// dozen, and a full sort of all of them was a third of its cost.
/// </summary>
internal static class SmallestKeys
{
    /// <summary>Reorders <paramref name="keys"/> and <paramref name="items"/> alike so that their first <paramref name="count"/> places hold the smallest keys, ascending (all of them when count is the length or more).</summary>
    public static void MoveToFront<T>(Span<ulong> keys, Span<T> items, int count)
    {
        if (keys.Length != items.Length) throw new ArgumentException("Keys and items must be as many.");
        count = Math.Clamp(count, 0, keys.Length);
        int lo = 0, hi = keys.Length - 1;
        // Quickselect: partition around a median of three until the boundary at count is in place.
        while (count < keys.Length && lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            ulong pivot = Median(keys[lo], keys[mid], keys[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i > j) break;
                (keys[i], keys[j]) = (keys[j], keys[i]);
                (items[i], items[j]) = (items[j], items[i]);
                i++;
                j--;
            }
            // Now keys[lo..j] <= pivot <= keys[i..hi]; keep to the side that holds the boundary.
            if (count <= j) hi = j;
            else if (count >= i) lo = i;
            else break;
        }
        keys[..count].Sort(items[..count]);
    }

    private static ulong Median(ulong a, ulong b, ulong c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
