/** Dense integer indexes for product ids, so models can use typed arrays. */
export class ItemIndex {
  private readonly byId = new Map<string, number>();
  private readonly ids: string[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** The index of `id`, assigning the next one when it is new. */
  intern(id: string): number {
    let index = this.byId.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.byId.set(id, index);
      this.ids.push(id);
    }
    return index;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  idAt(index: number): string {
    const id = this.ids[index];
    if (id === undefined) throw new RangeError(`no item at index ${index}`);
    return id;
  }

  allIds(): readonly string[] {
    return this.ids;
  }
}
