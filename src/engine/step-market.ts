/**
 * @module engine/step-market
 * Monthly trade for one form: user nodes' requests, domestic priority, pro-rata allocation of
 * producers' stock through export permits, quotas and extraterritorial rules, and shipment with
 * lead time and licence delay (content keeps its origin). Mutates the run state only.
 */
import { FORM_COUNT, MIXED_PRODUCT_FORM } from "./constraints.js";
import { addOrigin, type StepContext } from "./run-state.js";

/** Forms per node (a module-level copy: imported bindings can be slow getters in hot loops). */
const F = FORM_COUNT;

/** A module-level copy of `addOrigin` (imported bindings can be slow getters in hot loops). */
const addOriginHere = addOrigin;
/** Mixed products per form (a module-level copy). */
const MIXED_FORM = MIXED_PRODUCT_FORM;
/** Stage whose inventory norm covers a user node of each form (concentrate → separation … magnet → use). */
const USER_STAGE = [1, 2, 3, 4];
/** Rounds of re-routing what a supplier could not or would not serve. */
const ROUNDS = 3;
/** Stocks below this many tonnes are rounding dust, not supply. */
const DUST_TONNES = 1e-9;

/** Requests of every user node for `form`: this month's need plus closing the gap to its inventory position target. */
export function computeRequests(ctx: StepContext, form: number): void {
  const { m, s, c, t } = ctx;
  const { inTotal, inTransit, inTransitSmoothed, plantNeedNow, plantNeedSmoothed, request, restockRequest, sectorNeedNow, sectorNeedSmoothed, targetIn } = s;
  const { stageCoverMonths } = m;
  const { R, E } = s;
  const adjust = s.p["inventory.adjustmentMonths"];
  const plantCover = stageCoverMonths[USER_STAGE[form]!]!;
  const useCover = stageCoverMonths[4]!;
  const { plantInput, requestShare } = s.ordersForNeed;
  // Dead nodes ask for nothing (the arrays are shared by the forms).
  request.fill(0);
  restockRequest.fill(0);
  requestShare.fill(1);
  const { elements: liveElements, elementCount: liveElementCount } = s.lists.live;
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < liveElementCount[r * F + form]!; k++) {
      const e = liveElements[(r * F + form) * E + k]!;
      const node = (r * F + form) * E + e;
      const need = plantNeedNow[node]! + sectorNeedNow[node]!;
      const target = plantCover * plantNeedSmoothed[node]! + useCover * sectorNeedSmoothed[node]!;
      targetIn[node] = target;
      const onHand = inTotal[node]!;
      // Month-end position wanted: target stock plus the pipeline it usually has in transit. Ordering
      // `need` keeps the position; the gap before this month's receipts and use is closed over `adjust`.
      const gap = target + inTransitSmoothed[node]! - (onHand + inTransit[node]!);
      // Restocking asks for at most one more month's need (or the target over the adjustment time), so a
      // node far below target cannot crowd others out of scarce supply by the size of its gap alone.
      const restock = Math.min(gap / adjust, Math.max(need, target / adjust));
      request[e * R + r] = Math.max(0, need + restock);
      restockRequest[e * R + r] = Math.max(0, restock);
    }
  }
  for (const change of c.stockChanges) {
    if (change.tonnesPerMonth > 0 && (change.form ?? 1) === form && t >= change.fromMonth && t < change.toMonth) request[change.element * R + change.region]! += change.tonnesPerMonth;
  }
  // The share of each request's current-need part (request − restocking) that serves current need all the way down:
  // sectors' need and the plants' input for output ordered for current need — not the plants' own restocking down the
  // chain, nor strategic builds. Orders for need are tallied with it (production lost is counted against them).
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < liveElementCount[r * F + form]!; k++) {
      const e = liveElements[(r * F + form) * E + k]!;
      const node = (r * F + form) * E + e;
      const forNeed = sectorNeedNow[node]! + Math.min(plantNeedNow[node]!, plantInput[node]!);
      const needPart = request[e * R + r]! - restockRequest[e * R + r]!;
      requestShare[e * R + r] = needPart > 0 ? Math.min(1, forNeed / needPart) : 1;
    }
  }
}

/**
 * Extraterritorial rules in force for `form`: permit factor and extra delay per `[from][to][element]`, from the
 * issuer-origin value share of each exporter's product: its whole stock of the form for mixed products
 * (concentrate, magnets), each element's stock for separated ones (oxide, metal). Returns whether any rule is in
 * force (if not, every factor is 1 and every delay 0).
 */
function applyExtraterritorial(ctx: StepContext, form: number): boolean {
  const { m, s, c, t } = ctx;
  const { etDelay, etPermit, outStock, prices } = s;
  const { regionMarket } = m;
  const { R, E } = s;
  if (s.etSet[0] === 1) {
    etPermit.fill(1);
    etDelay.fill(0);
    s.etSet[0] = 0;
  }
  let inForce = false;
  for (const rule of c.extraterritorialRules) {
    if (t < rule.fromMonth || t >= rule.toMonth) continue;
    let coversForm = false;
    for (let e = 0; e < E; e++) if (rule.productMask[e * F + form] === 1) coversForm = true;
    if (!coversForm) continue;
    inForce = true;
    // Covered shares by grade depend on the rule and the market only: worked out once per market, when first needed.
    const byGrade = form === 3 && rule.magnetGradeCover.length > 0;
    let sharesReady = 0; // bit m: market m's shares are in s.etCoveredShare
    for (let p = 0; p < R; p++) {
      if (p === rule.issuer) continue;
      const market = regionMarket[p]!;
      if (MIXED_FORM[form]) {
        // One product: the rule applies to all its covered cells when the whole stock's share reaches the threshold.
        let value = 0;
        let controlled = 0;
        for (let e = 0; e < E; e++) {
          const price = prices[e * 2 + market]!;
          value += s.outTotal[(p * F + form) * E + e]! * price;
          if (rule.contentMask[e] === 1) controlled += outStock[((p * F + form) * E + e) * R + rule.issuer]! * price;
        }
        // Value share over rare-earth content only (iron, boron, cobalt are not tracked): an upper bound.
        if (controlled <= 0 || controlled < rule.minValueShare * value) continue;
        if (byGrade && (sharesReady & (1 << market)) === 0) {
          coveredMagnetShares(ctx, rule.magnetGradeCover, market);
          sharesReady |= 1 << market;
        }
        for (let e = 0; e < E; e++) {
          if (rule.productMask[e * F + form] !== 1) continue;
          // Magnets by grade: only the covered share of the element's magnet content is refused and waits.
          const covered = byGrade ? s.etCoveredShare[market * E + e]! : 1;
          if (covered > 0) restrictCell(ctx, rule.destinationMask, p, e, 1 - (1 - rule.permitShare) * covered, rule.delayMonths * covered);
        }
      } else {
        // Separated products: each element's stock is its own product.
        for (let e = 0; e < E; e++) {
          if (rule.productMask[e * F + form] !== 1 || rule.contentMask[e] !== 1) continue;
          const held = s.outTotal[(p * F + form) * E + e]!;
          const controlled = outStock[((p * F + form) * E + e) * R + rule.issuer]!;
          if (controlled <= 0 || controlled < rule.minValueShare * held) continue;
          restrictCell(ctx, rule.destinationMask, p, e, rule.permitShare, rule.delayMonths);
        }
      }
    }
  }
  return inForce;
}

/**
 * The share of each element's magnet content that sits in magnets a rule covers (`magnetGradeCover`, see
 * `ExtraterritorialRule`), into `s.etCoveredShare[market][element]`: world magnet demand this month with `market`'s recipes
 * (a grade mix no region's output is tracked by); NdFeB grades covered "as far as they hold Dy or Tb" leave out the
 * Dy-free share of their non-heavy content. An element no magnet holds counts as covered.
 */
export function coveredMagnetShares(ctx: StepContext, cover: Uint8Array, market: number): void {
  const { m, s } = ctx;
  const { demandUnits, dyFreeShare, etCoveredShare, gradeShareEff, scratchE3 } = s;
  const { isHeavyMagnetElement, sectorGrade, sectorIsMagnet } = m;
  const { R, E, K, G } = s;
  const all = scratchE3;
  const at = market * E;
  etCoveredShare.fill(0, at, at + E);
  all.fill(0);
  const heavyFree = dyFreeShare[market]!;
  for (let k = 0; k < K; k++) {
    if (sectorIsMagnet[k] !== 1) continue;
    let units = 0;
    for (let r = 0; r < R; r++) units += demandUnits[r * K + k]!;
    if (units <= 0) continue;
    const g = sectorGrade[k]!;
    const recipe = (market * G + g) * E;
    const how = cover[g]!;
    for (let e = 0; e < E; e++) {
      const content = units * gradeShareEff[recipe + e]!;
      if (content <= 0) continue;
      all[e]! += content;
      if (how === 1) etCoveredShare[at + e]! += content;
      else if (how === 2) etCoveredShare[at + e]! += isHeavyMagnetElement[e] === 1 ? content : content * (1 - heavyFree);
    }
  }
  for (let e = 0; e < E; e++) etCoveredShare[at + e] = all[e]! > 0 ? etCoveredShare[at + e]! / all[e]! : 1;
}

/** Apply one rule's permit share and delay to exporter `p`'s shipments of element `e` to every covered destination. */
function restrictCell(ctx: StepContext, destinationMask: Uint8Array, p: number, e: number, permitShare: number, delayMonths: number): void {
  const { s } = ctx;
  const { R, E } = s;
  s.etSet[0] = 1;
  for (let r = 0; r < R; r++) {
    if (r === p || destinationMask[r] !== 1) continue;
    s.etPermit[(p * R + r) * E + e]! *= permitShare;
    s.etDelay[(p * R + r) * E + e]! += delayMonths;
  }
}

/** Permit factor for `[from][to][element]` of `form`: segment permit × extraterritorial × quota factors. */
function permitFactor(ctx: StepContext, p: number, r: number, e: number, form: number): number {
  if (p === r) return 1;
  const { s, c, seg } = ctx;
  const { etPermit, quotaFactor } = s;
  const { R, E } = s;
  let factor = seg.exportPermitShare[((p * R + r) * E + e) * F + form]! * etPermit[(p * R + r) * E + e]!;
  for (let q = 0; q < c.exportQuotas.length; q++) {
    const quota = c.exportQuotas[q]!;
    if (quota.issuer === p && quota.cellMask[e * F + form] === 1 && quota.destinationMask[r] === 1) factor *= quotaFactor[q]!;
  }
  return factor;
}

/** Quota factors for `form`: the share of expected quota-covered exports the month's paced allowance lets through. */
function applyQuotas(ctx: StepContext, form: number): void {
  const { s, c, t } = ctx;
  const { avail, quotaFactor, quotaPeriod, quotaUsed, request } = s;
  const { R, E } = s;
  // Every factor starts at 1 so a quota's expectation never sees another quota's factor from last time.
  quotaFactor.fill(1);
  for (let q = 0; q < c.exportQuotas.length; q++) {
    const quota = c.exportQuotas[q]!;
    if (t < quota.fromMonth || t >= quota.toMonth) continue;
    let coversForm = false;
    for (let e = 0; e < E; e++) if (quota.cellMask[e * F + form] === 1) coversForm = true;
    if (!coversForm) continue;
    const sinceStart = t - quota.fromMonth;
    const period = Math.floor(sinceStart / quota.periodMonths);
    if (quotaPeriod[q] !== period) {
      quotaPeriod[q] = period;
      quotaUsed[q] = 0;
    }
    const monthInPeriod = sinceStart - period * quota.periodMonths;
    const allowance = Math.max(0, (quota.tonnesPerPeriod * (monthInPeriod + 1)) / quota.periodMonths - quotaUsed[q]!);
    s.quotaAllowance[q] = allowance;
    let expected = 0;
    const i = quota.issuer;
    if (form === 0) {
      // Concentrate leaves as the issuer's whole mix: each destination is expected to take the largest share of the
      // issuer's stock it asks for of any element, and the covered elements go with it.
      let covered = 0;
      const pools = s.scratchE;
      for (let e = 0; e < E; e++) {
        if (quota.cellMask[e * F] === 1) covered += avail[e * R + i]!;
        let pool = 0;
        for (let p = 0; p < R; p++) pool += avail[e * R + p]!;
        pools[e] = pool;
      }
      for (let r = 0; r < R; r++) {
        if (r === i || quota.destinationMask[r] !== 1) continue;
        let share = 0;
        for (let e = 0; e < E; e++) {
          if (!(avail[e * R + i]! > DUST_TONNES)) continue;
          share = Math.max(share, (request[e * R + r]! / pools[e]!) * permitFactor(ctx, i, r, e, form));
        }
        expected += Math.min(1, share) * covered;
      }
    } else {
      for (let e = 0; e < E; e++) {
        if (quota.cellMask[e * F + form] !== 1) continue;
        let pool = 0;
        for (let p = 0; p < R; p++) pool += avail[e * R + p]!;
        if (pool <= 0) continue;
        for (let r = 0; r < R; r++) {
          if (r === i || quota.destinationMask[r] !== 1) continue;
          expected += ((request[e * R + r]! * avail[e * R + i]!) / pool) * permitFactor(ctx, i, r, e, form);
        }
      }
    }
    quotaFactor[q] = expected > allowance ? allowance / expected : 1;
  }
}

/**
 * Clear the market for `form`: domestic priority first, captive concentrate, then ROUNDS of pro-rata
 * proposals to every supplier in proportion to its offer; a permit lets through its share (the rest is
 * refused and re-routed to other suppliers); suppliers short of stock scale all approved proposals; then ship.
 */
export function clearMarket(ctx: StepContext, form: number): void {
  const { m, s, res, t } = ctx;
  const { approved, avail, availInit, blockedEx, domesticServed, ok, ordersNow, request, requestsEx, restockRequest, ship } = s;
  const { regionMarket } = m;
  const pushedFeed = s.separationFeed.pushed;
  const domesticPriorityShare = s.domesticPriority;
  const { blockedTonnes } = res;
  const { R, E } = s;
  const ringNode = R * F * E * R;
  const etInForce = applyExtraterritorial(ctx, form);
  // ── availability and domestic priority ──
  // `ship` is all zero here: `shipAll` clears the rows it reads, and only suppliers flagged in `shippedFrom` have any.
  s.shippedFrom.fill(0);
  s.domesticServed.fill(0);
  const buyerMask = s.formBuyers.mask;
  buyerMask.fill(0);
  // Dead nodes offer and ask for nothing.
  avail.fill(0);
  availInit.fill(0);
  const { elements: liveElements, elementCount: liveElementCount, formElements, formElementCount } = s.lists.live;
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < liveElementCount[r * F + form]!; k++) {
      const e = liveElements[(r * F + form) * E + k]!;
      // Rounding dust is not supply: it stays where it is.
      const held = s.outTotal[(r * F + form) * E + e]!;
      const total = held > DUST_TONNES ? held : 0;
      avail[e * R + r] = total;
      availInit[e * R + r] = total;
      const q = request[e * R + r]!;
      if (q <= 0) continue;
      buyerMask[r] = 1;
      // Ex-China requests for current need: restocking is asked only where trade is free, so it is never refused and
      // does not dilute the refused share that sets the licence premium (§11).
      if (regionMarket[r] === 1) requestsEx[form * E + e]! += q - restockRequest[e * R + r]!;
      // Buyers take their domestic-priority share from home supply first (all of it when home supply is scarce). The
      // part of a separator's request that is its own region's unsold concentrate (the feed push, §7) comes from home.
      const pushedHere = form === 0 ? Math.min(q, pushedFeed[r * E + e]!) : 0;
      const own = Math.min(domesticPriorityShare[r]! * (q - pushedHere) + pushedHere, avail[e * R + r]!);
      domesticServed[e * R + r] = Math.max(0, own);
      if (own <= 0) continue;
      // Orders for current need (not restocking) are tallied apart: production lost is counted against them. A take
      // serves current need first (the restocking part stays requested whole, below).
      s.ordersForNeed.now[(r * F + form) * E + e]! += Math.min(own, q - restockRequest[e * R + r]!) * s.ordersForNeed.requestShare[e * R + r]!;
      ship[(e * R + r) * R + r]! += own;
      s.shippedFrom[e * R + r] = 1;
      avail[e * R + r]! -= own;
      request[e * R + r]! -= own;
      restockRequest[e * R + r] = Math.min(restockRequest[e * R + r]!, request[e * R + r]!);
      ordersNow[(r * F + form) * E + e]! += own;
    }
  }
  applyQuotas(ctx, form);
  const hasQuotas = ctx.c.exportQuotas.length > 0;
  const permitShare = ctx.seg.exportPermitShare;
  const etPermit = s.etPermit;
  // During spin-up the neutral constraints hold; otherwise the segment's flags say whether permits bind.
  const restricts = !ctx.spinningUp && s.segmentRestricts[ctx.c.segmentOfMonth[t]!] === 1;
  const taxes = !ctx.spinningUp && s.segmentTariffs[ctx.c.segmentOfMonth[t]!] === 1;
  // A region that sells this form only at home or to listed buyers (the world's `domesticOnly`, `sellsOnlyTo`) offers it
  // to no other buyer: those links are unreachable from the first round, not refused, so nothing of them counts as blocked.
  const sellsTo = m.sellsTo;
  // Free trade this month (no permit below 1, no quota, no extraterritorial rule, no tariff): every permit is 1, nothing
  // is refused or deferred, and every buyer sees the same offer pool (less the sellers that do not sell to it).
  const freeTrade = !hasQuotas && !restricts && !etInForce && !taxes;
  const basketPermit = s.basketPermit;
  if (form === 0) {
    // A concentrate shipment needs every licence its content needs: one permit per link, the smallest of the
    // elements the supplier holds, used for every element (so refusals are counted and re-routed as usual).
    basketPermit.fill(1);
    if (!freeTrade) {
      for (let p = 0; p < R; p++) {
        for (let r = 0; r < R; r++) {
          if (p === r) continue;
          let least = 1;
          for (let e = 0; e < E; e++) {
            if (!(availInit[e * R + p]! > DUST_TONNES)) continue;
            const cell = hasQuotas ? permitFactor(ctx, p, r, e, 0) : (restricts ? permitShare[((p * R + r) * E + e) * F]! : 1) * etPermit[(p * R + r) * E + e]!;
            if (cell < least) least = cell;
          }
          basketPermit[p * R + r] = least;
        }
      }
    }
    serveCaptiveConcentrate(ctx);
  }
  // Offtakes: contracted buyers first, before the rounds (and free trade).
  if (m.offtakes.count > 0 && form !== 0) serveOfftakes(ctx, form, restricts, hasQuotas);
  // ── pro-rata rounds ──
  const asked = s.weights;
  const served = s.scratchR;
  const offer = s.scratchR2;
  const permit = s.permitE;
  const suppliers = s.supplierList;
  const buyers = s.buyerList;
  const tariffRate = ctx.seg.importTariffRate;
  const tariff = s.tariffE;
  const deferred = s.deferred;
  for (let j = 0; j < formElementCount[form]!; j++) {
    const e = formElements[form * E + j]!;
    // Sparse lists: suppliers holding stock, nodes asking for it.
    let nSuppliers = 0;
    let nBuyers = 0;
    for (let p = 0; p < R; p++) if (availInit[e * R + p]! > DUST_TONNES) suppliers[nSuppliers++] = p;
    for (let r = 0; r < R; r++) {
      if (!(request[e * R + r]! > 0)) continue;
      buyers[nBuyers++] = r;
      buyerMask[r] = 1;
    }
    if (nBuyers === 0) continue;
    if (freeTrade) {
      clearFreeTrade(ctx, form, e, nSuppliers, nBuyers);
      continue;
    }
    for (let i = 0; i < nSuppliers; i++) {
      const p = suppliers[i]!;
      for (let j = 0; j < nBuyers; j++) {
        const r = buyers[j]!;
        // Without quotas the permit is the segment's share times any extraterritorial factor.
        permit[p * R + r] = p === r ? 1 : form === 0 ? basketPermit[p * R + r]! : hasQuotas ? permitFactor(ctx, p, r, e, form) : (restricts ? permitShare[((p * R + r) * E + e) * F + form]! : 1) * etPermit[(p * R + r) * E + e]!;
        ok[p * R + r] = sellsTo[(p * F + form) * R + r]!;
        if (taxes) tariff[p * R + r] = p === r ? 0 : tariffRate[((p * R + r) * E + e) * F + form]!;
      }
    }
    for (let round = 0; round < ROUNDS; round++) {
      let anyOffer = false;
      for (let i = 0; i < nSuppliers; i++) {
        const p = suppliers[i]!;
        offer[p] = offerWeight(ctx, form, e, p, round);
        asked[p] = 0;
        if (offer[p]! > 0) anyOffer = true;
      }
      // Proposals in proportion to each reachable supplier's offer; permits approve their share.
      for (let j = 0; j < nBuyers; j++) {
        const r = buyers[j]!;
        served[r] = 0;
        const q = request[e * R + r]!;
        if (q <= 0) continue;
        // Current need goes to every reachable supplier; rebuilding stock only where trade is free, so a
        // buyer cannot out-order a permit share by asking for its backlog again and again.
        const restock = restockRequest[e * R + r]!;
        const needPart = q - restock;
        let pool = 0;
        let freePool = 0;
        if (taxes && anyOffer) deferTaxedSuppliers(ctx, form, e, r, nSuppliers);
        if (anyOffer) {
          for (let i = 0; i < nSuppliers; i++) {
            const p = suppliers[i]!;
            if (ok[p * R + r] !== 1 || (taxes && deferred[p] === 1)) continue;
            pool += offer[p]!;
            if (permit[p * R + r]! >= 1) freePool += offer[p]!;
          }
        }
        if (pool <= 0) {
          if (round === 0) attributeUnservedOrders(ctx, form, e, r, q, needPart * s.ordersForNeed.requestShare[e * R + r]!);
          continue;
        }
        for (let i = 0; i < nSuppliers; i++) {
          const p = suppliers[i]!;
          const a = offer[p]!;
          if (a <= 0 || ok[p * R + r] !== 1 || (taxes && deferred[p] === 1)) continue;
          const free = permit[p * R + r]! >= 1;
          const proposal = (needPart * a) / pool + (free && freePool > 0 ? (restock * a) / freePool : 0);
          if (proposal <= 0) continue;
          // Orders count once (first round); re-routed remainders are the same demand asked elsewhere.
          if (round === 0) {
            ordersNow[(p * F + form) * E + e]! += proposal;
            s.ordersForNeed.now[(p * F + form) * E + e]! += ((needPart * a) / pool) * s.ordersForNeed.requestShare[e * R + r]!;
          }
          const share = permit[p * R + r]!;
          if (share < 1) {
            // Refused tonnes stay requested and go to other suppliers in later rounds; only what the
            // supplier could have shipped counts as blocked.
            const refused = Math.min(proposal, avail[e * R + p]!) * (1 - share);
            ok[p * R + r] = 0;
            blockedTonnes[(t * E + e) * F + form]! += refused;
            if (regionMarket[r] === 1) blockedEx[form * E + e]! += refused;
          }
          approved[p * R + r] = proposal * share;
          asked[p]! += proposal * share;
        }
      }
      // Suppliers short of stock scale every approved proposal alike.
      let shippedAny = false;
      for (let i = 0; i < nSuppliers; i++) {
        const p = suppliers[i]!;
        const want = asked[p]!;
        if (want <= 0) continue;
        const a = avail[e * R + p]!;
        const scale = want > a ? a / want : 1;
        let out = 0;
        for (let j = 0; j < nBuyers; j++) {
          const r = buyers[j]!;
          const shipped = approved[p * R + r]! * scale;
          // Read once, so cleared here: the next round (or element) starts from zero.
          approved[p * R + r] = 0;
          if (shipped <= 0) continue;
          ship[(e * R + p) * R + r]! += shipped;
          served[r]! += shipped;
          out += shipped;
        }
        if (closeSupplier(s, e, p, a, out)) shippedAny = true;
      }
      if (settleRound(s, e, nBuyers) <= 0 || (!shippedAny && round > 0)) break;
    }
  }
  if (form === 0) bundleConcentrate(ctx);
  shipAll(ctx, form, ringNode, etInForce);
}

/**
 * The pro-rata rounds of `clearMarket` for one element when trade is free (every permit 1, no quota, no
 * extraterritorial rule, no tariff): the general rounds' rule without a permit matrix. A buyer's pool is every open
 * seller's offer plus those of the limited sellers (`domesticOnly`, `sellsOnlyTo`) that sell to it, so each buyer asks
 * each reachable supplier for its request × the supplier's share of the buyer's pool. Per buyer: w = request ÷ its
 * pool; an open supplier's total ask is its offer × Σ w over all buyers, a limited supplier's its offer × Σ w over the
 * buyers it sells to (the arithmetic is arranged per supplier: last bits differ from the general path).
 */
function clearFreeTrade(ctx: StepContext, form: number, e: number, nSuppliers: number, nBuyers: number): void {
  const { m, s } = ctx;
  const { avail, ordersNow, request, ship } = s;
  const { sellerLimited, sellsTo } = m;
  const served = s.scratchR;
  const offer = s.scratchR2;
  // Per buyer: request and current need per tonne of its pool's offer.
  const perOffer = s.weights;
  const needPerOffer = s.formBuyers.needPerOffer;
  const suppliers = s.supplierList;
  const buyers = s.buyerList;
  const { R, E } = s;
  for (let round = 0; round < ROUNDS; round++) {
    let openPool = 0;
    let anyLimited = false;
    // Every region's, so that no request per offer an earlier element or form left in this scratch is read.
    for (let r = 0; r < R; r++) {
      offer[r] = 0;
      perOffer[r] = 0;
      needPerOffer[r] = 0;
    }
    for (let i = 0; i < nSuppliers; i++) {
      const p = suppliers[i]!;
      const a = offerWeight(ctx, form, e, p, round);
      offer[p] = a;
      if (sellerLimited[p * F + form] !== 1) openPool += a;
      else anyLimited = true;
    }
    let openPerOffer = 0;
    let openNeedPerOffer = 0;
    for (let j = 0; j < nBuyers; j++) {
      const r = buyers[j]!;
      served[r] = 0;
      perOffer[r] = 0;
      needPerOffer[r] = 0;
      const q = request[e * R + r]!;
      if (q <= 0) continue;
      const forNeed = (q - s.restockRequest[e * R + r]!) * s.ordersForNeed.requestShare[e * R + r]!;
      let pool = openPool;
      if (anyLimited) {
        for (let i = 0; i < nSuppliers; i++) {
          const p = suppliers[i]!;
          if (sellerLimited[p * F + form] === 1 && sellsTo[(p * F + form) * R + r] === 1) pool += offer[p]!;
        }
      }
      if (pool <= 0) {
        if (round === 0) attributeUnservedOrders(ctx, form, e, r, q, forNeed);
        continue;
      }
      perOffer[r] = q / pool;
      needPerOffer[r] = forNeed / pool;
      openPerOffer += perOffer[r]!;
      openNeedPerOffer += needPerOffer[r]!;
    }
    let shippedAny = false;
    for (let i = 0; i < nSuppliers; i++) {
      const p = suppliers[i]!;
      const a = offer[p]!;
      if (a <= 0) continue;
      const reach = (p * F + form) * R;
      const limited = sellerLimited[p * F + form] === 1;
      let w = openPerOffer;
      let wNeed = openNeedPerOffer;
      if (limited) {
        // Only the buyers it sells to (its own region always).
        w = 0;
        wNeed = 0;
        for (let j = 0; j < nBuyers; j++) {
          const r = buyers[j]!;
          if (sellsTo[reach + r] !== 1) continue;
          w += perOffer[r]!;
          wNeed += needPerOffer[r]!;
        }
      }
      const want = a * w;
      if (!(want > 0)) continue;
      if (round === 0) {
        ordersNow[(p * F + form) * E + e]! += want;
        s.ordersForNeed.now[(p * F + form) * E + e]! += a * wNeed;
      }
      const available = avail[e * R + p]!;
      const scaled = want > available ? (a * available) / want : a;
      let out = 0;
      for (let j = 0; j < nBuyers; j++) {
        const r = buyers[j]!;
        if (limited && sellsTo[reach + r] !== 1) continue;
        const shipped = perOffer[r]! * scaled;
        if (shipped <= 0) continue;
        ship[(e * R + p) * R + r]! += shipped;
        served[r]! += shipped;
        out += shipped;
      }
      if (closeSupplier(s, e, p, available, out)) shippedAny = true;
    }
    if (settleRound(s, e, nBuyers) <= 0 || (!shippedAny && round > 0)) break;
  }
}

/** A supplier of element `e` shipped `out` t this round out of `available`: flag it and take it off its stock on offer; whether it shipped. */
function closeSupplier(s: StepContext["s"], e: number, p: number, available: number, out: number): boolean {
  s.avail[e * s.R + p] = Math.max(0, available - out);
  if (!(out > 0)) return false;
  s.shippedFrom[e * s.R + p] = 1;
  return true;
}

/** End of a clearing round for element `e`: what each buyer still lacks becomes its request; returns the total left. */
function settleRound(s: StepContext["s"], e: number, nBuyers: number): number {
  const { buyerList: buyers, request, restockRequest } = s;
  const served = s.scratchR;
  const R = s.R;
  let left = 0;
  for (let j = 0; j < nBuyers; j++) {
    const r = buyers[j]!;
    const rest = Math.max(0, request[e * R + r]! - served[r]!);
    request[e * R + r] = rest;
    restockRequest[e * R + r] = Math.min(restockRequest[e * R + r]!, rest);
    left += rest;
  }
  return left;
}

/** Write the regions flagged in `s.formBuyers.mask` into its list, ascending (the order sums take); returns their count. */
function listFormBuyers(s: StepContext["s"]): number {
  const { mask, list } = s.formBuyers;
  let n = 0;
  for (let r = 0; r < s.R; r++) if (mask[r] === 1) list[n++] = r;
  return n;
}

/**
 * Concentrate is a mixed product: a buyer cannot take a supplier's Nd and leave its La and Ce behind. After the
 * element markets have cleared (with one permit per link for all elements, `basketPermit`), each supplier → buyer
 * shipment of concentrate becomes a share of the supplier's whole stock (every element in the stock's proportions):
 * the largest share the buyer took of any element (the supplier's own separators leave the elements they cannot
 * separate on offer instead of taking them only to put them back). The supplier's own region keeps its share first,
 * integrated producers' captive shares come next, and the other exports are scaled down alike into what is left. A quota on any element of the
 * concentrate then caps the shares of its destinations at the month's allowance (the rest counts as blocked). Last,
 * no region buys more of what its plants can separate than a month of their capacity plus what brings its stock up
 * to target (t REO): buying Nd in a La-rich mix beyond that would only pile up La it cannot process.
 */
function bundleConcentrate(ctx: StepContext): void {
  const { m, s, res, c, t } = ctx;
  const { availInit, basketShare, capable, ship, shippedFrom } = s;
  const { elementOxideFactor } = m;
  const { R, E } = s;
  const captivePart = s.scratchR2;
  const minDrivingShare = s.p["concentrate.minDrivingShare"];
  basketShare.fill(0);
  // Only buyers' columns of the ship matrix are non-zero, and only they (and captive owners) get a basket share.
  const nTo = listFormBuyers(s);
  const to = s.formBuyers.list;
  for (let p = 0; p < R; p++) {
    let shipped = false;
    for (let e = 0; e < E; e++) if (shippedFrom[e * R + p] === 1) shipped = true;
    if (!shipped) continue;
    const row = p * R;
    // A trace element (under `concentrate.minDrivingShare` of the basket's tonnes) does not set a buyer's share:
    // nobody buys a whole bastnäsite basket for its 0.05 % of Dy.
    let basketTonnes = 0;
    if (minDrivingShare > 0) for (let e = 0; e < E; e++) basketTonnes += availInit[e * R + p]!;
    for (let e = 0; e < E; e++) {
      const held = availInit[e * R + p]!;
      // An element the supplier shipped nothing of adds no share (its row of the ship matrix is all zero).
      if (held <= DUST_TONNES || shippedFrom[e * R + p] === 0) continue;
      if (minDrivingShare > 0 && held < minDrivingShare * basketTonnes) continue;
      for (let k = 0; k < nTo; k++) {
        const r = to[k]!;
        const taken = ship[(e * R + p) * R + r]! / held;
        if (taken > basketShare[row + r]!) basketShare[row + r] = taken;
      }
    }
    // Integrated producers take their own mines' share of the concentrate whole (what their plants cannot use of it
    // is cut by the intake limit below), through the link's permit.
    for (let k = 0; k < nTo; k++) {
      const r = to[k]!;
      const captive = s.captiveShare[row + r]! * s.basketPermit[row + r]!;
      if (captive > basketShare[row + r]!) basketShare[row + r] = captive;
    }
    // Home first, then integrated producers' captive shares, then the other exports, each in what is left.
    const home = Math.min(1, basketShare[row + p]!);
    basketShare[row + p] = home;
    let captiveTotal = 0;
    for (let k = 0; k < nTo; k++) {
      const r = to[k]!;
      captivePart[r] = r === p ? 0 : Math.min(basketShare[row + r]!, s.captiveShare[row + r]! * s.basketPermit[row + r]!);
      captiveTotal += captivePart[r]!;
    }
    const captiveScale = captiveTotal > 1 - home ? (captiveTotal > 0 ? (1 - home) / captiveTotal : 0) : 1;
    let others = 0;
    for (let k = 0; k < nTo; k++) if (to[k] !== p) others += basketShare[row + to[k]!]! - captivePart[to[k]!]!;
    const left = Math.max(0, 1 - home - captiveTotal * captiveScale);
    const othersScale = others > left ? (others > 0 ? left / others : 0) : 1;
    for (let k = 0; k < nTo; k++) {
      const r = to[k]!;
      if (r === p) continue;
      basketShare[row + r] = captivePart[r]! * captiveScale + (basketShare[row + r]! - captivePart[r]!) * othersScale;
    }
    for (let q = 0; q < c.exportQuotas.length; q++) {
      const quota = c.exportQuotas[q]!;
      if (quota.issuer !== p || t < quota.fromMonth || t >= quota.toMonth) continue;
      let covered = 0;
      for (let e = 0; e < E; e++) if (quota.cellMask[e * F] === 1) covered += availInit[e * R + p]!;
      if (covered <= 0) continue;
      let asked = 0;
      for (let k = 0; k < nTo; k++) if (to[k] !== p && quota.destinationMask[to[k]!] === 1) asked += basketShare[row + to[k]!]! * covered;
      const allowance = s.quotaAllowance[q]!;
      if (asked <= allowance) continue;
      const keep = allowance / asked;
      for (let k = 0; k < nTo; k++) {
        const r = to[k]!;
        if (r === p || quota.destinationMask[r] !== 1 || basketShare[row + r]! <= 0) continue;
        const refused = basketShare[row + r]! * (1 - keep);
        basketShare[row + r]! *= keep;
        for (let e = 0; e < E; e++) {
          // Blocked is what the buyer asked for and does not get: at most what it took of the element in clearing.
          const tonnes = Math.min(refused * availInit[e * R + p]!, ship[(e * R + p) * R + r]!);
          if (tonnes <= 0) continue;
          res.blockedTonnes[(t * E + e) * F]! += tonnes;
          if (m.regionMarket[r] === 1) s.blockedEx[e]! += tonnes; // form 0: [form][element] with form 0
        }
      }
    }
  }
  // Each buyer's intake of what it can separate, within a month of capacity plus the room to its stock target (t REO).
  // An element counts at most up to a month of the capacity of the plants that separate it plus its own room, so a
  // small circuit for one element (a Ce line beside a large NdPr plant) does not make the whole basket's Ce count.
  const { capNow, inTransit, targetIn } = s;
  const { facilitiesByStageRegion, facilityGroupStart } = s.lists;
  const { facilityElementMask } = m;
  const intakeOf = s.scratchE;
  const elementCapacity = s.scratchE2;
  for (let k = 0; k < nTo; k++) {
    const r = to[k]!;
    intakeOf.fill(0);
    for (let p = 0; p < R; p++) {
      const share = basketShare[p * R + r]!;
      if (share <= 0) continue;
      for (let e = 0; e < E; e++) if (capable[r * E + e] === 1) intakeOf[e]! += share * availInit[e * R + p]! * elementOxideFactor[e]!;
    }
    elementCapacity.fill(0);
    let capacityReo = 0;
    for (let g = facilityGroupStart[1 * R + r]!; g < facilityGroupStart[1 * R + r + 1]!; g++) {
      const i = facilitiesByStageRegion[g]!;
      capacityReo += capNow[i]!;
      for (let e = 0; e < E; e++) if (facilityElementMask[i * E + e] === 1) elementCapacity[e]! += capNow[i]!;
    }
    let intake = 0;
    let room = 0;
    for (let e = 0; e < E; e++) {
      if (capable[r * E + e] !== 1) continue;
      const node = (r * F + 0) * E + e;
      const roomOfElement = (targetIn[node]! - s.inTotal[node]! - inTransit[node]!) * elementOxideFactor[e]!;
      room += roomOfElement;
      intake += Math.min(intakeOf[e]!, elementCapacity[e]! + Math.max(0, roomOfElement));
    }
    if (intake <= 0) continue;
    const limit = capacityReo + Math.max(0, room);
    if (intake <= limit) continue;
    const scale = limit / intake;
    for (let p = 0; p < R; p++) basketShare[p * R + r]! *= scale;
  }
  for (let p = 0; p < R; p++) {
    let shipped = false;
    for (let e = 0; e < E; e++) if (shippedFrom[e * R + p] === 1) shipped = true;
    if (!shipped) continue;
    for (let e = 0; e < E; e++) {
      const held = availInit[e * R + p]!;
      const row = (e * R + p) * R;
      if (held <= DUST_TONNES) {
        // Rounding dust stays where it is.
        for (let k = 0; k < nTo; k++) ship[row + to[k]!] = 0;
        continue;
      }
      let any = 0;
      for (let k = 0; k < nTo; k++) {
        const r = to[k]!;
        // The supplier's own separators leave on offer what they cannot separate (it would only come back).
        const tonnes = r === p && capable[p * E + e] === 0 ? 0 : basketShare[p * R + r]! * held;
        ship[row + r] = tonnes;
        any += tonnes;
      }
      shippedFrom[e * R + p] = any > 0 ? 1 : 0;
    }
  }
}

/**
 * What a kilogram of element content from supplier `p` is worth at home, US$/kg: its market's price, and for magnets
 * (form 3) the making of them as well (t of content × US$/kg of content), dearer outside China.
 */
function supplierValueUsdPerKg(ctx: StepContext, form: number, e: number, p: number): number {
  const market = ctx.m.regionMarket[p]!;
  const makingChina = form === 3 ? ctx.s.p["price.magnetFabricationUsdPerKgContent"] : 0;
  const making = market === 1 ? makingChina * (1 + ctx.s.p["price.exChinaMagnetFabricationMarkup"]) : makingChina;
  return ctx.s.prices[e * 2 + market]! + making;
}

/**
 * Landed-price preference under import tariffs: buyer `r` leaves a taxed supplier for a later round while a
 * reachable supplier with an offer, a lower tariff and a lower landed price (its price × (1 + tariff)) exists.
 * With no tariff nothing is deferred; the least-taxed offering supplier never is (offers of rounding dust do not
 * count). Sets `s.deferred[supplier]`.
 */
function deferTaxedSuppliers(ctx: StepContext, form: number, e: number, r: number, nSuppliers: number): void {
  const { s } = ctx;
  const { deferred, ok, supplierList, tariffE } = s;
  const offer = s.scratchR2;
  const R = s.R;
  for (let i = 0; i < nSuppliers; i++) {
    const p = supplierList[i]!;
    deferred[p] = 0;
    const rate = tariffE[p * R + r]!;
    if (rate <= 0 || ok[p * R + r] !== 1 || !(offer[p]! > DUST_TONNES)) continue;
    // Magnets are landed with the value of making them (their duty is charged on it too).
    const landed = supplierValueUsdPerKg(ctx, form, e, p) * (1 + rate);
    for (let k = 0; k < nSuppliers; k++) {
      const q = supplierList[k]!;
      // A supplier left with rounding dust is not an alternative.
      if (q === p || ok[q * R + r] !== 1 || !(offer[q]! > DUST_TONNES)) continue;
      const other = tariffE[q * R + r]!;
      if (other < rate && supplierValueUsdPerKg(ctx, form, e, q) * (1 + other) < landed) {
        deferred[p] = 1;
        break;
      }
    }
  }
}

/**
 * Integrated producers first: separation plants get their owners' mine output (through any permit) before the
 * pool. Region r's captive share of region p's concentrate = Σ over captive links (mine i in p → plant j in r)
 * of (mine i's rate ÷ p's mine output) × (plant j's capacity now ÷ capacity now of all the owner's plants).
 */
function serveCaptiveConcentrate(ctx: StepContext): void {
  const { m, s } = ctx;
  const { R, E } = s;
  const links = m.captiveLinkMine.length;
  if (links === 0) return;
  const { captivePlantCapacity, captiveRegionRate, captiveShare, capNow, mineRate } = s;
  const { captiveLinkMine, captiveLinkPlant, facilityRegion, facilityStage } = m;
  captiveShare.fill(0);
  captiveRegionRate.fill(0);
  for (let i = 0; i < s.N; i++) if (facilityStage[i] === 0) captiveRegionRate[facilityRegion[i]!]! += mineRate[i]!;
  for (let l = 0; l < links; l++) captivePlantCapacity[captiveLinkMine[l]!] = 0;
  for (let l = 0; l < links; l++) captivePlantCapacity[captiveLinkMine[l]!]! += capNow[captiveLinkPlant[l]!]!;
  for (let l = 0; l < links; l++) {
    const i = captiveLinkMine[l]!;
    const j = captiveLinkPlant[l]!;
    const p = facilityRegion[i]!;
    const r = facilityRegion[j]!;
    const total = captiveRegionRate[p]!;
    const owned = captivePlantCapacity[i]!;
    // Concentrate a region sells only at home (or to listed buyers) reaches no other region, even for its owner's plants.
    if (p === r || total <= 0 || owned <= 0 || m.sellsTo[(p * F + 0) * R + r] !== 1) continue;
    captiveShare[p * R + r]! += ((mineRate[i]! / total) * capNow[j]!) / owned;
    // Its basket share can reach the region even where it asked for nothing (bundleConcentrate).
    s.formBuyers.mask[r] = 1;
  }
  for (let p = 0; p < R; p++) {
    for (let r = 0; r < R; r++) {
      const share = captiveShare[p * R + r]!;
      if (share <= 0) continue;
      for (let e = 0; e < E; e++) {
        const wanted = Math.min(s.request[e * R + r]!, share * s.availInit[e * R + p]!, s.avail[e * R + p]!);
        if (wanted <= 0) continue;
        const permit = s.basketPermit[p * R + r]!;
        const shipped = wanted * permit;
        // Orders count what the permit lets through: the refused part stays requested and the first round orders it
        // again (counting it here too ordered it twice).
        s.ordersNow[(p * F + 0) * E + e]! += shipped;
        // Serves current need first (the restocking part stays requested whole).
        s.ordersForNeed.now[(p * F + 0) * E + e]! += Math.min(shipped, s.request[e * R + r]! - s.restockRequest[e * R + r]!) * s.ordersForNeed.requestShare[e * R + r]!;
        // What the permit refuses stays requested: the rounds offer it again (and count it blocked once, there).
        s.ship[(e * R + p) * R + r]! += shipped;
        if (shipped > 0) s.shippedFrom[e * R + p] = 1;
        s.avail[e * R + p]! -= shipped;
        s.request[e * R + r]! -= shipped;
        s.restockRequest[e * R + r] = Math.min(s.restockRequest[e * R + r]!, s.request[e * R + r]!);
      }
    }
  }
}

/**
 * Offtakes for `form` (the world's `offtakes`): each contract in force serves its buyer first, up to min(its request,
 * share × the supplier's stock of the element at the start of clearing, what is left), the elements together within the
 * contract's monthly cap (t REO for oxide, t of element otherwise), through the link's permit. A contract named by plant
 * takes the plant's share of its region's capacity now for the element. What a permit refuses stays requested and goes
 * through the rounds (counted as blocked there, once), as captive feed does; a supplier whose region does not sell the form to
 * the buyer (`sellsTo`: the world's `domesticOnly` and `sellsOnlyTo`) serves none.
 */
function serveOfftakes(ctx: StepContext, form: number, restricts: boolean, hasQuotas: boolean): void {
  const { m, s, t } = ctx;
  const { R, E } = s;
  const o = m.offtakes;
  const { avail, availInit, capNow, request, restockRequest, ship } = s;
  const { facilityElementMask, facilityRegion, facilityStage } = m;
  const wanted = s.scratchE;
  for (let k = 0; k < o.count; k++) {
    if (o.form[k] !== form || t < o.fromMonth[k]! || t >= o.toMonth[k]!) continue;
    const p = o.supplierRegion[k]!;
    const r = o.buyerRegion[k]!;
    if (m.sellsTo[(p * F + form) * R + r] !== 1) continue;
    const plant = o.supplierFacility[k]!;
    let total = 0;
    for (let e = 0; e < E; e++) {
      wanted[e] = 0;
      if (o.elementMask[k * E + e] !== 1) continue;
      let weight = 1;
      if (plant >= 0) {
        // The plant's share of its region's capacity now for the element.
        let all = 0;
        for (let i = 0; i < s.N; i++) if (facilityStage[i] === facilityStage[plant] && facilityRegion[i] === p && facilityElementMask[i * E + e] === 1) all += capNow[i]!;
        weight = all > 0 && facilityElementMask[plant * E + e] === 1 ? capNow[plant]! / all : 0;
      }
      const w = Math.min(request[e * R + r]!, o.share[k]! * weight * availInit[e * R + p]!, avail[e * R + p]!);
      if (!(w > 0)) continue;
      wanted[e] = w;
      total += form === 1 ? w * m.elementOxideFactor[e]! : w;
    }
    const cap = o.capTonnesPerMonth[k]!;
    const scale = cap > 0 && total > cap ? cap / total : 1;
    for (let e = 0; e < E; e++) {
      const w = wanted[e]! * scale;
      if (!(w > 0)) continue;
      const permit = hasQuotas ? permitFactor(ctx, p, r, e, form) : (restricts ? ctx.seg.exportPermitShare[((p * R + r) * E + e) * F + form]! : 1) * s.etPermit[(p * R + r) * E + e]!;
      const shipped = w * permit;
      // Orders count what the permit lets through (the first round orders the refused part again).
      s.ordersNow[(p * F + form) * E + e]! += shipped;
      // Serves current need first (the restocking part stays requested whole).
      s.ordersForNeed.now[(p * F + form) * E + e]! += Math.min(shipped, request[e * R + r]! - restockRequest[e * R + r]!) * s.ordersForNeed.requestShare[e * R + r]!;
      // What the permit refuses stays requested: the rounds offer it again (and count it blocked once, there).
      ship[(e * R + p) * R + r]! += shipped;
      if (shipped > 0) s.shippedFrom[e * R + p] = 1;
      avail[e * R + p]! -= shipped;
      request[e * R + r]! -= shipped;
      restockRequest[e * R + r] = Math.min(restockRequest[e * R + r]!, request[e * R + r]!);
    }
  }
}

/**
 * How strongly buyers turn to supplier `p` in a round: in the first round its regular offer (what it
 * has been producing less what its own industry took, plus a share of the stock left after that),
 * capped by what it holds; in later rounds whatever it holds.
 * Sourcing by regular offer rather than by stock keeps calibration market shares stable.
 */
function offerWeight(ctx: StepContext, form: number, e: number, p: number, round: number): number {
  const { s } = ctx;
  const { avail, domesticServed, supplySmoothed } = s;
  const available = avail[e * s.R + p]!;
  // What is left after domestic and captive takes may be rounding dust: no offer.
  if (available <= DUST_TONNES) return 0;
  if (round > 0) return available;
  // Its regular output less what its own industry just took, plus a share of its stock.
  const regular = Math.max(0, supplySmoothed[(p * F + form) * s.E + e]! - domesticServed[e * s.R + p]!);
  const offer = regular + available / s.p["inventory.adjustmentMonths"];
  return Math.min(available, offer);
}

/**
 * When nothing is on offer anywhere buyer `r` can reach, attribute its request `q` (of which `forNeed` is current need,
 * not restocking) to producers by their recent orders, so they plan output; producers that do not sell the form to `r`
 * (home-only, or listed buyers only) get none of its request.
 */
function attributeUnservedOrders(ctx: StepContext, form: number, e: number, r: number, q: number, forNeed: number): void {
  const { m, s } = ctx;
  const { ordersNow, ordersSmoothed } = s;
  const ordersNeedNow = s.ordersForNeed.now;
  const { baseOutputTonnes, sellsTo } = m;
  const { R, E } = s;
  let total = 0;
  for (let p = 0; p < R; p++) {
    if (sellsTo[(p * F + form) * R + r] !== 1) continue;
    total += ordersSmoothed[(p * F + form) * E + e]! + baseOutputTonnes[(form * R + p) * E + e]!;
  }
  if (total <= 0) return;
  for (let p = 0; p < R; p++) {
    if (sellsTo[(p * F + form) * R + r] !== 1) continue;
    const weight = ordersSmoothed[(p * F + form) * E + e]! + baseOutputTonnes[(form * R + p) * E + e]!;
    ordersNow[(p * F + form) * E + e]! += (q * weight) / total;
    ordersNeedNow[(p * F + form) * E + e]! += (forNeed * weight) / total;
  }
}

/** Move every shipment: out of the supplier's stock (pro rata by origin) into the user's stock or the arrival ring. */
function shipAll(ctx: StepContext, form: number, ringNode: number, etInForce: boolean): void {
  const { s, c, res, seg, t, tick } = ctx;
  const { availInit, etDelay, inStock, inTotal, inTransit, inTransitByElement, originList, originShare, outStock, quotaUsed, ring, ringUsed, ship } = s;
  const { inHasOrigin, inOriginCount, inOrigins, outOriginCount, outOrigins } = s;
  const { leadTimeMonths } = s;
  const trade = ctx.trade;
  const { R, E } = s;
  const L = s.ringMonths;
  const nodes = inTransit.length;
  const licenceDelay = seg.licenceDelayMonths;
  const delays = !ctx.spinningUp && s.segmentDelays[c.segmentOfMonth[t]!] === 1;
  const taxes = !ctx.spinningUp && s.segmentTariffs[c.segmentOfMonth[t]!] === 1;
  const tariffRate = seg.importTariffRate;
  const { taxedDuty, taxedValue } = s;
  // Spin-up months are not recorded.
  const recordTrade = trade.enabled && !ctx.spinningUp;
  const quotas = c.exportQuotas;
  const nQuotas = quotas.length;
  const tickSlot = tick % L;
  // A concentrate shipment travels whole: it waits for the longest licence or extraterritorial delay of the elements
  // its supplier holds.
  const basketDelays = form === 0 && (delays || etInForce);
  if (basketDelays) {
    const basketDelay = s.basketDelay;
    for (let p = 0; p < R; p++) {
      for (let r = 0; r < R; r++) {
        let longest = 0;
        if (p !== r) {
          for (let e = 0; e < E; e++) {
            if (!(availInit[e * R + p]! > DUST_TONNES)) continue;
            const wait = (delays ? licenceDelay[((p * R + r) * E + e) * F]! : 0) + etDelay[(p * R + r) * E + e]!;
            if (wait > longest) longest = wait;
          }
        }
        basketDelay[p * R + r] = longest;
      }
    }
  }
  const { formElements, formElementCount } = s.lists.live;
  // Only buyers' columns of the ship matrix are non-zero.
  const nTo = listFormBuyers(s);
  const to = s.formBuyers.list;
  for (let j = 0; j < formElementCount[form]!; j++) {
    const e = formElements[form * E + j]!;
    for (let p = 0; p < R; p++) {
      // Only suppliers that shipped something this month (most holders of stock ship nothing).
      if (s.shippedFrom[e * R + p] === 0) continue;
      const available = availInit[e * R + p]!;
      const row = (e * R + p) * R;
      let shippedTotal = 0;
      for (let k = 0; k < nTo; k++) shippedTotal += ship[row + to[k]!]!;
      if (available <= 0 || shippedTotal <= 0) {
        for (let k = 0; k < nTo; k++) ship[row + to[k]!] = 0;
        continue;
      }
      const base = ((p * F + form) * E + e) * R;
      // The few origins this stock holds (most stocks have one to three).
      let origins = 0;
      const supplierNode = (p * F + form) * E + e;
      for (let k = 0; k < outOriginCount[supplierNode]!; k++) {
        const o = outOrigins[supplierNode * R + k]!;
        if (outStock[base + o]! > 0) {
          originShare[origins] = outStock[base + o]! / available;
          originList[origins++] = o;
        }
      }
      for (let b = 0; b < nTo; b++) {
        const r = to[b]!;
        const shipped = ship[row + r]!;
        // Read once, so cleared here: only rows of suppliers that shipped are ever non-zero.
        ship[row + r] = 0;
        if (shipped <= 0) continue;
        const delay = p === r || !(delays || etInForce) ? 0 : basketDelays ? s.basketDelay[p * R + r]! : (delays ? licenceDelay[((p * R + r) * E + e) * F + form]! : 0) + etDelay[(p * R + r) * E + e]!;
        const lead = leadTimeMonths[p * R + r]! + delay;
        const whole = Math.floor(lead);
        const late = lead - whole;
        const node = (r * F + form) * E + e;
        // Ring slots of the arrival months (the ring is longer than any lead: no division needed).
        let monthA = tickSlot + whole;
        if (monthA >= L) monthA -= L;
        else if (monthA < 0) monthA += L;
        const monthB = monthA + 1 === L ? 0 : monthA + 1;
        const slotA = (monthA * nodes + node) * R;
        const slotB = (monthB * nodes + node) * R;
        if (late > 0) ringUsed[monthB * nodes + node] = 1;
        if (whole > 0) ringUsed[monthA * nodes + node] = 1;
        const onTime = 1 - late;
        // Each origin: into the receiving stock's origin set, then its share now (stock or ring) and late (ring).
        for (let k = 0; k < origins; k++) {
          const o = originList[k]!;
          if (inHasOrigin[node * R + o] === 0) addOriginHere(inOrigins, inOriginCount, inHasOrigin, node, R, o);
          const v = originShare[k]! * shipped;
          if (whole === 0) inStock[node * R + o]! += v * onTime;
          else ring[slotA + o]! += v * onTime;
          if (late > 0) ring[slotB + o]! += v * late;
        }
        if (whole === 0) inTotal[node]! += shipped * onTime;
        const queued = whole === 0 ? shipped * late : shipped;
        inTransit[node]! += queued;
        inTransitByElement[e]! += queued;
        // One write per month and link (the ship matrix already sums every round), in the month the shipment clears its
        // licence and extraterritorial wait, as customs count it.
        if (recordTrade) {
          const clearsIn = Math.round(delay);
          if (clearsIn > 0) trade.later(t + clearsIn, ((p * R + r) * E + e) * F + form, shipped);
          else trade.append(((p * R + r) * E + e) * F + form, shipped);
        }
        if (taxes && p !== r) {
          // Duty on taxed imports, at the supplier's price (US$/kg × t × 1000 = US$); magnets with their making.
          const rate = tariffRate[((p * R + r) * E + e) * F + form]!;
          if (rate > 0) {
            const value = shipped * supplierValueUsdPerKg(ctx, form, e, p);
            taxedValue[node]! += value;
            taxedDuty[node]! += value * rate;
            res.tariffPaidUsd[t * R + r]! += value * rate * 1000;
          }
        }
        if (nQuotas > 0 && p !== r) {
          for (let q = 0; q < nQuotas; q++) {
            const quota = quotas[q]!;
            if (quota.issuer === p && quota.cellMask[e * F + form] === 1 && quota.destinationMask[r] === 1 && t >= quota.fromMonth && t < quota.toMonth) quotaUsed[q]! += shipped;
          }
        }
      }
      const keep = Math.max(0, 1 - shippedTotal / available);
      let left = 0;
      for (let k = 0; k < origins; k++) {
        outStock[base + originList[k]!]! *= keep;
        left += outStock[base + originList[k]!]!;
      }
      s.outTotal[(p * F + form) * E + e] = left;
    }
  }
}
