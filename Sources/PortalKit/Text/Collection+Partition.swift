extension RandomAccessCollection {
    /// The first index whose element is not `isBefore`, by binary search: the collection must
    /// hold every such element ahead of the others, as a sorted one does for "less than x".
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Index {
        var low = startIndex, n = count
        while n > 0 {
            let half = n / 2
            let mid = index(low, offsetBy: half)
            if isBefore(self[mid]) {
                low = index(after: mid)
                n -= half + 1
            } else {
                n = half
            }
        }
        return low
    }
}
