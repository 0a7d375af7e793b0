extension Double {
    /// A confidence as a whole percentage: 0.493 → "49%".
    public var percent: String { "\(Int((self * 100).rounded()))%" }
}
